package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.tachi.sessions.envelope.ApiErrorWriter;

/** The documented defaults and environment variable names, and settings refused at start-up. */
class RateLimitPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Bind {}

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void defaultsAreTachis() {
        runner.run(context -> assertThat(context.getBean(RateLimitProperties.class))
                .isEqualTo(new RateLimitProperties(
                        true, 500, Duration.ofSeconds(60), List.of(), 100_000, Duration.ofMillis(500))));
    }

    @Test
    void environmentVariablesAreTheDashedNamesWithUnderscores() {
        Map<String, Object> env = Map.of(
                "TACHI_RATE_LIMIT_REQUESTS", "100",
                "TACHI_RATE_LIMIT_WINDOW", "10s",
                "TACHI_RATE_LIMIT_TRUSTED_PROXIES", "10.0.0.0/8,::1",
                "TACHI_RATE_LIMIT_MAX_CLIENTS", "1000",
                "TACHI_RATE_LIMIT_REDIS_TIMEOUT", "200ms");
        runner.withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
                .run(context -> assertThat(context.getBean(RateLimitProperties.class))
                        .isEqualTo(new RateLimitProperties(
                                true,
                                100,
                                Duration.ofSeconds(10),
                                List.of("10.0.0.0/8", "::1"),
                                1000,
                                Duration.ofMillis(200))));
    }

    @Test
    void enabledFalseRegistersNoLimiterAtAll() {
        ApplicationContextRunner limiter = new ApplicationContextRunner()
                .withUserConfiguration(RateLimitConfiguration.class)
                .withBean(ApiErrorWriter.class, () -> mock(ApiErrorWriter.class));
        limiter.run(context -> assertThat(context).hasSingleBean(RateLimiter.class));
        limiter.withPropertyValues("tachi.rate-limit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RateLimiter.class));
    }

    @Test
    void badSettingsStopTheStart() {
        Map<String, String> refusals = Map.of(
                "tachi.rate-limit.requests=0", "requests",
                "tachi.rate-limit.window=1500ms", "windowWholeSeconds",
                "tachi.rate-limit.window=0s", "windowWholeSeconds",
                "tachi.rate-limit.max-clients=0", "maxClients",
                "tachi.rate-limit.trusted-proxies=proxy.example", "'proxy.example' is not an IP address or CIDR range",
                "tachi.rate-limit.trusted-proxies=10.0.0.0/33", "'10.0.0.0/33' is not an IP address or CIDR range");
        refusals.forEach((setting, reason) -> runner.withPropertyValues(setting).run(context -> {
            assertThat(context).as(setting).hasFailed();
            StringBuilder causes = new StringBuilder();
            for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
                causes.append(cause.getMessage()).append('\n');
            }
            assertThat(causes.toString()).as(setting).contains(reason);
        }));
    }
}
