package org.tachi.sessions.ratelimit;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Buckets in Redis through Bucket4j's Lettuce backend: each bucket is one key
 * ({@value #KEY_PREFIX}{@code <client IP>}), updated by compare-and-swap in a Lua script
 * ({@code GET}, then {@code EVAL} of {@code SET NX PX} or {@code GET}+{@code PSETEX}), with a TTL of
 * the time until the bucket would be full again. The connection is one of Boot's Lettuce client,
 * the one cookie sessions use, so every {@code spring.data.redis.*} setting (URL, connect timeout,
 * SSL bundle) applies here too. Commands fail at once while Redis is disconnected
 * ({@code redis.RedisClientConfiguration}) and after {@code redisTimeout} when it hangs; Lettuce
 * reconnects by itself. If Redis is unreachable at start-up the service still starts, and connecting
 * is tried again at most every {@value #RECONNECT_SECONDS} s.
 */
final class RedisBuckets implements AutoCloseable {

    static final String KEY_PREFIX = "tachi-sessions:rate-limit:";

    static final int RECONNECT_SECONDS = 5;

    private final RedisClient client;

    private final Duration timeout;

    private volatile @Nullable ProxyManager<String> buckets;

    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

    private long nextConnectAttempt;

    /** The factory's client is a standalone {@link RedisClient}; Boot's cluster client is not supported. */
    RedisBuckets(LettuceConnectionFactory redis, Duration timeout) {
        this.timeout = timeout;
        AbstractRedisClient nativeClient = redis.getRequiredNativeClient();
        if (!(nativeClient instanceof RedisClient standalone)) {
            throw new IllegalStateException("the rate limiter needs a standalone or Sentinel Redis, not a cluster");
        }
        this.client = standalone;
    }

    ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        return current != null ? current : connect();
    }

    private synchronized ProxyManager<String> connect() {
        if (buckets != null) {
            return buckets;
        }
        long now = System.nanoTime();
        if (now - nextConnectAttempt < 0) {
            throw new RedisConnectionException(
                    "not connected to Redis; next attempt in under " + RECONNECT_SECONDS + " s");
        }
        nextConnectAttempt = now + Duration.ofSeconds(RECONNECT_SECONDS).toNanos();
        StatefulRedisConnection<String, byte[]> connected =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        ProxyManager<String> proxies = Bucket4jLettuce.casBasedBuilder(connected)
                .expirationAfterWrite(RateLimiter.expiry())
                .requestTimeout(timeout)
                .build()
                .withMapper(ip -> KEY_PREFIX + ip);
        connection = connected;
        buckets = proxies;
        return proxies;
    }

    /**
     * Closes this limiter's connection only: the client is Boot's, shut down by its connection factory
     * (which, as a lifecycle bean, may have done so already, closing the connection with it).
     */
    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null && open.isOpen()) {
            open.close();
        }
    }
}
