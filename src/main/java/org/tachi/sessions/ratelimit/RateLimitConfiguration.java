package org.tachi.sessions.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.redis.RedisUrlEnvironmentPostProcessor;

/**
 * The rate-limit filter on {@code /api/v1/*} (so {@code /actuator/**} is never counted), in Redis iff
 * {@code spring.data.redis.url} is set.
 *
 * <p>Order: just after CORS, which answers preflights itself (so they are never counted, and a 429
 * carries the CORS headers a browser needs to read it), and before Spring Security's chain, so the
 * limit applies before the token is looked up. Tachi checks the token first (its limiter is mounted in
 * the {@code /api/v1} router, after {@code SetRequestPermissions}); here a flood of made-up tokens
 * is refused without costing a database query each.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "tachi.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** In Redis, through Boot's Lettuce client, iff Redis is configured (env {@code REDIS_URL}). */
    @Bean
    RateLimiter rateLimiter(
            RateLimitProperties properties, Environment environment, ObjectProvider<LettuceConnectionFactory> redis) {
        return new RateLimiter(
                properties,
                RedisUrlEnvironmentPostProcessor.configured(environment)
                        ? new RedisBuckets(redis.getObject(), properties.redisTimeout())
                        : null);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties, RateLimiter limiter, ApiErrorWriter errors) {
        RateLimitFilter filter =
                new RateLimitFilter(properties, limiter, new ClientAddresses(properties.trustedProxies()), errors);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
