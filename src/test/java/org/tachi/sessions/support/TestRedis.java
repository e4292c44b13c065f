package org.tachi.sessions.support;

import com.github.fppt.jedismock.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.containers.GenericContainer;

/**
 * Picks the Redis the tests run against, once per test run, as {@link TestDatabase} does for
 * MongoDB: {@code REDIS_URL} if set; else a real {@code redis:7} in Testcontainers when a Docker
 * engine is available; else jedis-mock, a Redis-protocol server started in-process on loopback, so
 * that {@code ./mvnw verify} needs only a JDK. jedis-mock implements a subset of Redis: tests use
 * only plain strings, {@code GET}/{@code SET}/{@code DEL}/{@code EXPIRE}/{@code TTL} and what
 * Bucket4j's Lettuce backend sends. One gap met: it answers {@code PING} with a bulk string, where
 * Redis answers the simple string {@code +PONG}.
 */
public final class TestRedis {

    private static final String URL = startServer();

    private TestRedis() {}

    /** A {@code redis://host:port} URL, for {@code spring.data.redis.url} or a Lettuce client. */
    public static String url() {
        return URL;
    }

    public static String backend() {
        if (System.getenv("REDIS_URL") != null) {
            return "REDIS_URL";
        }
        return URL.contains("127.0.0.1") && !Docker.available() ? "in-process jedis-mock" : "testcontainers redis:7";
    }

    private static String startServer() {
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Docker.available()) {
            GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
            redis.start();
            return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
        }
        try {
            RedisServer server = RedisServer.newRedisServer(0, java.net.InetAddress.getLoopbackAddress());
            server.start();
            return "redis://127.0.0.1:" + server.getBindPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the in-process Redis-protocol server", e);
        }
    }
}
