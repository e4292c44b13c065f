package org.tachi.sessions.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.fppt.jedismock.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tachi.sessions.support.ServedOverHttpTest;

/**
 * Redis going away and coming back: a request carrying a session cookie gets a 503 envelope within
 * the Redis timeouts, Bearer and guest requests do not notice, and cookie sessions work again once
 * Redis is back, without a restart. Uses its own Redis-protocol server (jedis-mock), which it stops
 * and restarts on the same port. The server is left running at the end: stopping it would leave the
 * paused test context's Redis client a reconnect to fail noisily on a stopped event loop.
 */
@TestPropertySource(
        properties = {
            "tachi.name=" + CookieSamples.NAME,
            "tachi.session-secret=" + CookieSamples.SECRET,
            "spring.data.redis.connect-timeout=1s",
            "spring.data.redis.timeout=1s",
            // the rate limiter's own Redis client and its outage are RateLimitTest's; left on, its pending
            // reconnect fails noisily when this context is paused
            "tachi.rate-limit.enabled=false"
        })
class RedisOutageTest extends ServedOverHttpTest {

    static final int REDIS_PORT = freePort();

    static RedisServer redisServer = start();

    static final String COOKIE = "Tachi_FR_SESSION=" + CookieSamples.text("/facts/cookie/urlEncodedValue");

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
    }

    @Autowired
    StringRedisTemplate redis;

    @Test
    void unreachableRedisIsABounded503ForCookiesOnlyAndTheServiceRecoversByItself() throws Exception {
        CookieSamples.insertAliceWithBearerToken(mongo, "cookie_alice");
        storeRecordWhenReachable();
        assertThat(patch("Cookie", COOKIE).statusCode()).isEqualTo(200);

        redisServer.stop();
        Instant before = Instant.now();
        HttpResponse<String> down = patch("Cookie", COOKIE);
        Duration took = Duration.between(before, Instant.now());
        System.out.println("RedisOutageTest: cookie request with Redis down answered " + down.statusCode() + " in "
                + took.toMillis() + " ms");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body())
                .isEqualTo("{\"success\":false,\"description\":\"" + RedisCookieSessions.UNAVAILABLE + "\"}");
        // connect timeout + command timeout, plus slack for a loaded machine
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(patch("Authorization", "Bearer owner").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url()).GET()).statusCode()).isEqualTo(200);

        redisServer = start();
        storeRecordWhenReachable();
        int status = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = patch("Cookie", COOKIE).statusCode();
        }
        assertThat(status).as("cookie sessions work again").isEqualTo(200);
    }

    void storeRecord() {
        redis.opsForValue()
                .set(
                        CookieSamples.text("/facts/cookie/redisKey"),
                        CookieSamples.text("/facts/cookie/redisValue"),
                        Duration.ofHours(1));
    }

    /** The restarted server is empty; the client reconnects on its own schedule. */
    void storeRecordWhenReachable() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                storeRecord();
                return;
            } catch (org.springframework.dao.DataAccessException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    HttpResponse<String> patch(String header, String value) throws Exception {
        return send(HttpRequest.newBuilder(url())
                .header(header, value)
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"highlight\":true}")));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
    }

    URI url() {
        return url("/api/v1/sessions/" + CookieSamples.ALICE_SESSION);
    }

    static RedisServer start() {
        try {
            RedisServer server = RedisServer.newRedisServer(REDIS_PORT, InetAddress.getLoopbackAddress());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start jedis-mock on port " + REDIS_PORT, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
