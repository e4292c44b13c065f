/**
 * Whether Redis is configured (env {@code REDIS_URL} mapped onto Boot's {@code spring.data.redis.url}),
 * and how Boot's one Lettuce client behaves while Redis is away.
 */
package org.tachi.sessions.redis;
