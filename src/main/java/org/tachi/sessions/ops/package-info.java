/** What operators see of each request: request IDs, the request log, the caller on every log line, and secrets masked in every log line. */
package org.tachi.sessions.ops;
