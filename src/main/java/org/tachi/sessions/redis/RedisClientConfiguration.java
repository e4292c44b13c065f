package org.tachi.sessions.redis;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's one Lettuce client (from {@code spring.data.redis.*}: URL, timeouts, SSL bundle) serves
 * both cookie sessions and the rate limiter. While it is disconnected, commands fail at once instead
 * of queueing until their timeout: a cookie request answers 503 without waiting, and the rate limiter
 * counts in memory without adding a timeout to every request. Lettuce still reconnects by itself.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
    }
}
