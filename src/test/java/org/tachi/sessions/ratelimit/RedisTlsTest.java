package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tachi.sessions.support.RestartableMongoServer;
import org.tachi.sessions.support.TestRedis;
import org.tachi.sessions.support.TlsRelay;

/**
 * docs/operations.md: a {@code rediss://} URL and an SSL bundle for a private CA
 * ({@code spring.data.redis.ssl.bundle}) apply to the rate limiter as to cookie sessions, because
 * both use Boot's one Lettuce client. The Redis is behind a TLS relay whose certificate only the
 * bundle's CA trusts: without the bundle (the JVM's trust store) the handshake would fail and the
 * limiter would count in memory, logging that Redis is unreachable.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisTlsTest {

    @Test
    void theLimiterCountsInRedisOverTlsWithTheConfiguredBundle(CapturedOutput output) throws Exception {
        RestartableMongoServer mongo = new RestartableMongoServer();
        String client = SharedRedisBudgetTest.randomClient();
        try (TlsRelay tls = new TlsRelay(TestRedis.url());
                Instance instance = new Instance(
                        mongo.uri(),
                        "rediss://localhost:" + tls.port(),
                        4,
                        "--spring.ssl.bundle.pem.redis.truststore.certificate=classpath:tls/ca.pem",
                        "--spring.data.redis.ssl.bundle=redis",
                        // the first TLS handshake of a JVM takes seconds on a loaded machine; a handshake
                        // that the trust store refuses still fails at once
                        "--spring.data.redis.connect-timeout=30s")) {
            HttpResponse<String> response = instance.get(client);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("RateLimit").orElseThrow()).startsWith("\"default\";r=3;");
            assertThat(output.getAll()).doesNotContain(RedisOutageTest.WARN);
            assertThat(bucketExists(client))
                    .as("the bucket is in Redis, not in memory")
                    .isTrue();
        } finally {
            mongo.stop();
        }
    }

    private static boolean bucketExists(String client) {
        RedisClient plain = RedisClient.create(TestRedis.url());
        try (StatefulRedisConnection<String, String> connection = plain.connect()) {
            return connection.sync().exists(RedisBuckets.KEY_PREFIX + client) == 1;
        } finally {
            plain.shutdown();
        }
    }
}
