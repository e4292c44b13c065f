package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.fppt.jedismock.RedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tachi.sessions.support.RestartableMongoServer;

/**
 * Redis going away under a running instance and coming back: no request fails because of it, the
 * limit still holds (per instance, in memory), one WARN when it starts and one INFO when it ends.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageTest {

    static final String WARN = "Redis is unreachable";

    static final String BACK = "Redis answers again";

    @Test
    void theLimiterFallsBackToMemoryAndReturnsToRedisByItself(CapturedOutput output) throws Exception {
        RestartableMongoServer mongo = new RestartableMongoServer();
        int port = freePort();
        RedisServer redis = startRedis(port);
        String client = SharedRedisBudgetTest.randomClient();
        try (Instance instance = new Instance(mongo.uri(), "redis://127.0.0.1:" + port, 3)) {
            assertThat(remaining(instance, client)).as("counted in Redis").isEqualTo(2);

            redis.stop();
            Instant before = Instant.now();
            assertThat(instance.get(client).statusCode())
                    .as("Redis down is no error")
                    .isEqualTo(404);
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
            assertThat(instance.get(client).statusCode()).isEqualTo(404);
            assertThat(instance.get(client).statusCode()).isEqualTo(404);
            assertThat(instance.get(client).statusCode())
                    .as("the limit holds in memory meanwhile")
                    .isEqualTo(429);
            assertThat(output.getAll().split(WARN, -1)).as("one WARN").hasSize(2);
            assertThat(output.getAll()).doesNotContain("\tat ");

            redis = startRedis(port);
            String fresh = SharedRedisBudgetTest.randomClient();
            Instant deadline = Instant.now().plusSeconds(40);
            while (!output.getAll().contains(BACK) && Instant.now().isBefore(deadline)) {
                instance.get(fresh);
                Thread.sleep(200);
            }
            assertThat(output.getAll()).contains(BACK);
            assertThat(output.getAll().split(WARN, -1)).as("still one WARN").hasSize(2);
            assertThat(output.getAll())
                    .as("Lettuce's reconnect attempts stay quiet")
                    .doesNotContain("Cannot reconnect");
        } finally {
            redis.stop();
            mongo.stop();
        }
    }

    @Test
    void theServiceStartsAndLimitsInMemoryWhileRedisIsUnreachable(CapturedOutput output) throws Exception {
        RestartableMongoServer mongo = new RestartableMongoServer();
        String client = SharedRedisBudgetTest.randomClient();
        try (Instance instance = new Instance(mongo.uri(), "redis://127.0.0.1:" + freePort(), 2)) {
            assertThat(instance.get(client).statusCode()).isEqualTo(404);
            assertThat(instance.get(client).statusCode()).isEqualTo(404);
            assertThat(instance.get(client).statusCode()).isEqualTo(429);
            assertThat(output.getAll().split(WARN, -1)).as("one WARN").hasSize(2);
            assertThat(output.getAll()).doesNotContain("\tat ");
        } finally {
            mongo.stop();
        }
    }

    private static long remaining(Instance instance, String client) throws Exception {
        String header = instance.get(client).headers().firstValue("RateLimit").orElseThrow();
        return Long.parseLong(header.replaceAll(".*;r=(\\d+);.*", "$1"));
    }

    private static RedisServer startRedis(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer(port, InetAddress.getLoopbackAddress());
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
