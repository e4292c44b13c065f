/** What operators see: request IDs, the request log, health and shutdown. */
package org.tachi.sessions.ops;
