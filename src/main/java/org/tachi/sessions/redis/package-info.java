/** Whether Redis is configured: env {@code REDIS_URL} mapped onto Boot's {@code spring.data.redis.url}. */
package org.tachi.sessions.redis;
