package org.tachi.sessions.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** REDIS_URL onto spring.data.redis.url, the one switch for "Redis is configured". */
class RedisUrlEnvironmentPostProcessorTest {

    static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new RedisUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void tachisSchemelessRedisUrlGetsRedisSchemeInFront() {
        StandardEnvironment environment = processed(Map.of("REDIS_URL", "127.0.0.1:6379"));
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(RedisUrlEnvironmentPostProcessor.configured(environment)).isTrue();
        assertThat(environment.getProperty("management.health.redis.enabled")).isNull();
    }

    @Test
    void aUrlWithSchemeIsKept() {
        assertThat(processed(Map.of("REDIS_URL", "rediss://user:pw@redis.internal:6380/2"))
                        .getProperty("spring.data.redis.url"))
                .isEqualTo("rediss://user:pw@redis.internal:6380/2");
    }

    @Test
    void anExplicitSpringDataRedisUrlWins() {
        StandardEnvironment environment =
                processed(Map.of("REDIS_URL", "other:6379", "spring.data.redis.url", "redis://chosen:6379"));
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://chosen:6379");
    }

    @Test
    void unsetOrEmptyRedisUrlIsNoRedisAndNoRedisHealthCheck() {
        for (StandardEnvironment environment :
                new StandardEnvironment[] {processed(Map.of()), processed(Map.of("REDIS_URL", " "))}) {
            assertThat(RedisUrlEnvironmentPostProcessor.configured(environment)).isFalse();
            assertThat(environment.containsProperty("spring.data.redis.url")).isFalse();
            assertThat(environment.getProperty("management.health.redis.enabled"))
                    .isEqualTo("false");
        }
    }
}
