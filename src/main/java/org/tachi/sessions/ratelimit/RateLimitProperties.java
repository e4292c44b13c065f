package org.tachi.sessions.ratelimit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tachi's normal rate limit ({@code RATE_LIMIT}, 500 requests per 60 s per client IP on {@code /api/v1}).
 * Environment variables: {@code TACHI_RATE_LIMIT_ENABLED}, {@code TACHI_RATE_LIMIT_REQUESTS}, ... (Boot
 * binds the dashed name with underscores).
 *
 * @param enabled {@code false} turns the limit off (no bucket, no header, never a 429)
 * @param requests requests one client IP may make per window
 * @param window the window, in whole seconds; the budget refills completely once per window, counted
 * from the client's first request (as Tachi's Redis store does)
 * @param trustedProxies IPs or CIDR ranges of the reverse proxies in front of the service: only when the
 * direct peer is one of them is the client taken from {@code X-Forwarded-For}. Empty (the default): the
 * direct peer is the client, whatever the header says
 * @param maxClients how many client IPs the in-memory store keeps at most (bounds its heap); the
 * least-recently used are dropped beyond it. Unused with Redis, except as the fallback while Redis is down
 * @param redisTimeout how long a request waits for Redis before it is counted in memory instead
 */
@Validated
@ConfigurationProperties("tachi.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") @Min(1) int requests,
        @DefaultValue("60s") @NotNull Duration window,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue("100000") @Min(1) @Max(10_000_000) int maxClients,
        @DefaultValue("500ms") @NotNull Duration redisTimeout) {

    public RateLimitProperties {
        trustedProxies = List.copyOf(trustedProxies);
        // fail at start-up on a host name or a malformed range, not on the first request
        trustedProxies.forEach(ClientAddresses::matcher);
    }

    /** RateLimit-Policy's window is whole seconds (draft-ietf-httpapi-ratelimit-headers-10, 3.1). */
    @AssertTrue(message = "must be a whole number of seconds, at least 1s")
    public boolean isWindowWholeSeconds() {
        return window == null || (window.toSeconds() >= 1 && window.toNanosPart() == 0);
    }
}
