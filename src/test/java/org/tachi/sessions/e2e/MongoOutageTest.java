package org.tachi.sessions.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.tachi.sessions.support.RestartableMongoServer;

/**
 * MongoDB going away and coming back: requests fail fast with a 503 envelope while it is gone, and
 * the service recovers by itself once it returns. Uses its own wire-protocol server, which it stops
 * and restarts on the same port.
 */
@SpringBootTest(properties = "tachi.mongodb.server-selection-timeout=1s")
@AutoConfigureMockMvc
class MongoOutageTest {

    static final RestartableMongoServer mongo = new RestartableMongoServer();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", mongo::uri);
    }

    @AfterAll
    static void stop() {
        mongo.stop();
    }

    @Test
    void unreachableDatabaseIsAFast503AndTheServiceRecoversByItself() throws Exception {
        assertThat(status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn()))
                .isEqualTo(404);

        mongo.stop();
        Instant before = Instant.now();
        MvcResult down = mvc.perform(get("/api/v1/sessions/Qnone")).andReturn();
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(status(down)).isEqualTo(503);
        assertThat(down.getResponse().getContentAsString())
                .isEqualTo(
                        "{\"success\":false,\"description\":\"The database is unavailable right now. Please try again shortly.\"}");

        mongo.start();
        int status = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (status != 404 && Instant.now().isBefore(deadline)) {
            status = status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn());
        }
        assertThat(status).as("answers from the database again").isEqualTo(404);
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }
}
