package org.tachi.sessions.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bucket4j bucket per client IP: {@code requests} tokens, all given back at once every
 * {@code window} from the client's first request (Bucket4j's interval refill: Tachi's fixed window of
 * express-rate-limit with its Redis store). Buckets live in Redis when it is configured, so every
 * instance spends one budget, else in memory.
 *
 * <p>The in-memory store is a Caffeine cache of at most {@code maxClients} buckets, each dropped one
 * second after it would be full again (Bucket4j's expiry strategy), so a flood from many addresses
 * costs bounded heap: the least recently used buckets go first, which at worst gives such a client a
 * fresh budget. In Redis, the same expiry is each key's TTL.
 *
 * <p>Redis unreachable or failing: the request is counted in memory instead (fail open to a budget
 * per instance, not to no limit and not to a 503: a limiter that fails must not take the API down).
 * One WARN when that starts, one INFO when Redis answers again.
 */
final class RateLimiter implements AutoCloseable {

    /** The answer for one request: whether it may go on, what is left, and when the budget refills. */
    record Decision(boolean allowed, long remaining, long secondsToReset) {}

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** Buckets are kept this long after they would be full again, then dropped (a new one is equal). */
    static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(1);

    private final BucketConfiguration configuration;

    private final ProxyManager<String> memory;

    private final @Nullable RedisBuckets redis;

    private final AtomicBoolean redisFailing = new AtomicBoolean();

    RateLimiter(RateLimitProperties properties, @Nullable RedisBuckets redis) {
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.requests())
                        .refillIntervally(properties.requests(), properties.window()))
                .build();
        this.memory = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(properties.maxClients()))
                .expirationAfterWrite(expiry())
                .build();
        this.redis = redis;
    }

    static ExpirationAfterWriteStrategy expiry() {
        return ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
    }

    Decision tryAcquire(String client) {
        if (redis != null) {
            try {
                Decision decision = consume(redis.buckets(), client);
                if (redisFailing.compareAndSet(true, false)) {
                    log.info("Redis answers again: rate limits are shared by every instance again");
                }
                return decision;
            } catch (RuntimeException failure) {
                if (redisFailing.compareAndSet(false, true)) {
                    log.warn(
                            "Redis is unreachable ({}): each instance counts its own rate limits until it is back",
                            failure.toString());
                }
            }
        }
        return consume(memory, client);
    }

    @Override
    public void close() {
        if (redis != null) {
            redis.close();
        }
    }

    private Decision consume(ProxyManager<String> buckets, String client) {
        ConsumptionProbe probe =
                buckets.builder().build(client, () -> configuration).tryConsumeAndReturnRemaining(1);
        long nanos = probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill();
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(), seconds(nanos));
    }

    /** Whole seconds, rounded up: a client that waits this long finds the budget refilled. */
    private static long seconds(long nanos) {
        return Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }
}
