package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tachi.sessions.support.RestartableMongoServer;
import org.tachi.sessions.support.TestRedis;

/**
 * Two instances of the service behind one load balancer, one Redis ({@link TestRedis}): a client's
 * requests spend one budget whichever instance answers them.
 */
class SharedRedisBudgetTest {

    static final RestartableMongoServer mongo = new RestartableMongoServer();

    @AfterAll
    static void stop() {
        mongo.stop();
    }

    @Test
    void twoInstancesSpendOneBudgetPerClient() throws Exception {
        String client = randomClient();
        try (Instance a = new Instance(mongo.uri(), TestRedis.url(), 6);
                Instance b = new Instance(mongo.uri(), TestRedis.url(), 6)) {
            for (int remaining = 5; remaining >= 0; remaining--) {
                HttpResponse<String> response = (remaining % 2 == 0 ? a : b).get(client);
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.headers().firstValue("RateLimit").orElseThrow())
                        .startsWith("\"default\";r=" + remaining + ";");
            }
            assertThat(a.get(client).statusCode()).isEqualTo(429);
            assertThat(b.get(client).statusCode()).isEqualTo(429);
            assertThat(b.get(randomClient()).statusCode()).as("another client").isEqualTo(404);
        }
    }

    /** An address of the benchmarking range 198.18.0.0/15, new on every run. */
    static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
