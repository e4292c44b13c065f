package org.tachi.sessions.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.StringUtils;
import org.tachi.sessions.envelope.ApiErrorWriter;

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

    /** Redis is configured iff {@code spring.data.redis.url} is non-empty (env {@code REDIS_URL}). */
    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, @Value("${spring.data.redis.url:}") String redisUrl) {
        return new RateLimiter(
                properties,
                StringUtils.hasText(redisUrl) ? new RedisBuckets(redisUrl, properties.redisTimeout()) : null);
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
