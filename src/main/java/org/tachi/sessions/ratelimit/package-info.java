/** Tachi's per-client-IP request budget on {@code /api/v1}: buckets in memory or shared in Redis, and the 429. */
package org.tachi.sessions.ratelimit;
