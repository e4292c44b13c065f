package org.tachi.sessions.cookie;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.tachi.sessions.auth.CookieSessions;
import org.tachi.sessions.redis.RedisUrlEnvironmentPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cookie sessions are on when Redis is configured and at least one session secret is set; the
 * start-up log says which, in one line.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CookieSessionProperties.class)
class CookieSessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CookieSessionConfiguration.class);

    @Bean
    CookieSessions cookieSessions(
            Environment environment,
            CookieSessionProperties properties,
            ObjectProvider<StringRedisTemplate> redis,
            JsonMapper json) {
        if (!RedisUrlEnvironmentPostProcessor.configured(environment)) {
            log.info("Cookie sessions are off: no Redis configured (REDIS_URL); callers authenticate with API tokens");
            return CookieSessions.NONE;
        }
        if (properties.sessionSecret().isEmpty()) {
            log.info("Cookie sessions are off: no session secret set (TACHI_SESSION_SECRET); "
                    + "callers authenticate with API tokens");
            return CookieSessions.NONE;
        }
        log.info(
                "Cookie sessions are on: cookie {}, Redis keys '{}<sid>', {} session secret(s)",
                properties.cookieName(),
                properties.name(),
                properties.sessionSecret().size());
        return new RedisCookieSessions(properties, redis.getObject(), json, Clock.systemUTC());
    }
}
