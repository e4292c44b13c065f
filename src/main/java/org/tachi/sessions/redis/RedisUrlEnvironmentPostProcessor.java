package org.tachi.sessions.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The one rule for "Redis is configured": {@code spring.data.redis.url} is non-empty. Env
 * {@code REDIS_URL} (Tachi's variable) is mapped onto it, with {@code redis://} put in front when it
 * has no scheme, because Tachi's own value is {@code host:port} (Tachi connects to
 * {@code "redis://" + REDIS_URL}). It is not {@code spring.data.redis.url=${REDIS_URL:}} in
 * application.properties: Boot parses an empty URL and fails to start. Without Redis, Boot's Redis
 * health check (which would try localhost:6379) is off by default.
 */
public class RedisUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String URL_PROPERTY = "spring.data.redis.url";

    static final String SOURCE_NAME = "tachiRedisUrl";

    /** Whether Redis is configured, the same answer for every feature that uses it. */
    public static boolean configured(PropertyResolver environment) {
        return StringUtils.hasText(environment.getProperty(URL_PROPERTY));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        String redisUrl = environment.getProperty("REDIS_URL");
        if (!configured(environment) && StringUtils.hasText(redisUrl)) {
            defaults.put(URL_PROPERTY, withScheme(redisUrl.trim()));
        }
        if (defaults.isEmpty() && !configured(environment)) {
            defaults.put("management.health.redis.enabled", "false");
        }
        // last: anything set explicitly (spring.data.redis.url, the health switch) wins
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    static String withScheme(String url) {
        return url.contains("://") ? url : "redis://" + url;
    }

    /** After the config files are read, so a {@code spring.data.redis.url} set there counts. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
