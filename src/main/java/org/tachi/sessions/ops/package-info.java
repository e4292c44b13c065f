/** What operators see of each request: request IDs, the request log and the caller on every log line. */
package org.tachi.sessions.ops;
