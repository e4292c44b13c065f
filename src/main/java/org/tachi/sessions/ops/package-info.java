/** What operators see: request IDs, the request log (secrets masked in every log line), health and shutdown. */
package org.tachi.sessions.ops;
