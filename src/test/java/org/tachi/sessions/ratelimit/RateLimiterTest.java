package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store is bounded whatever the number of addresses. (Past the bound, Caffeine may evict
 * any bucket, a spent one too: measured here, a client over its budget was freed by a flood of 10,000
 * one-request addresses into a 100-bucket store. docs/operations.md says so.)
 */
class RateLimiterTest {

    final RateLimiter limiter = new RateLimiter(
            new RateLimitProperties(true, 3, Duration.ofSeconds(60), List.of(), 100, Duration.ofMillis(500)), null);

    @Test
    void aFloodOfAddressesKeepsAtMostMaxClientsBuckets() {
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("10.0." + (i >> 8) + "." + (i & 255));
        }
        assertThat(limiter.clientsInMemory()).isLessThanOrEqualTo(100);
    }
}
