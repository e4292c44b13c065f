package org.tachi.sessions.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tachi.sessions.support.RestartableMongoServer;

/**
 * MongoDB going away and coming back: requests fail fast with a 503 envelope while it is gone (the
 * token lookup in the security filter included), the request log and the HTTP metrics record that
 * 503, the log holds one WARN for the outage and one INFO for the recovery and no stack trace, and
 * the service recovers by itself once it returns. Uses its own wire-protocol server, which it stops
 * and restarts on the same port.
 */
// The driver's INFO lines about the expected outage ("Waiting for server ...") stay out of the build log.
@SpringBootTest(
        properties = {
            "tachi.mongodb.server-selection-timeout=1s",
            "logging.level.org.mongodb.driver.cluster=WARN",
            // Logback's levels outlive a test context: pin the one this test reads, whatever ran before.
            "logging.level.org.tachi.sessions.mongo=INFO"
        })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class MongoOutageTest {

    static final String UNAVAILABLE =
            "{\"success\":false,\"description\":\"The database is unavailable right now. Please try again shortly.\"}";

    static final RestartableMongoServer mongo = new RestartableMongoServer();

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", mongo::uri);
    }

    @AfterAll
    static void stop() {
        mongo.stop();
    }

    @Test
    void unreachableDatabaseIsAFast503AndTheServiceRecoversByItself(CapturedOutput output) throws Exception {
        assertThat(status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn()))
                .isEqualTo(404);
        int before = output.getAll().length();

        mongo.stop();
        Instant start = Instant.now();
        MvcResult down = mvc.perform(get("/api/v1/sessions/Qnone")).andReturn();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(status(down)).isEqualTo(503);
        assertThat(down.getResponse().getContentAsString()).isEqualTo(UNAVAILABLE);
        for (MockHttpServletRequestBuilder request : List.of(
                get("/api/v1/sessions/Qnone").header("Authorization", "Bearer some-token"),
                rename("Qnone", "Bearer some-token", "Never acknowledged"),
                get("/api/v1/sessions/Qnone").header("Authorization", "Bearer another-token"))) {
            MvcResult result = mvc.perform(request).andReturn();
            assertThat(status(result)).isEqualTo(503);
            assertThat(result.getResponse().getContentAsString()).isEqualTo(UNAVAILABLE);
        }

        mongo.start();
        int status = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (status != 404 && Instant.now().isBefore(deadline)) {
            status = status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn());
        }
        assertThat(status).as("answers from the database again").isEqualTo(404);
        String logged = awaitOutput(output, before, "MongoDB is reachable again");

        // (the test's own wire-protocol server warns as it stops: not the service's line)
        assertThat(logged.lines().filter(line -> line.contains(" WARN ") && !line.contains("de.bwaldvogel")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("MongoDB is unreachable"));
        assertThat(logged.lines().filter(line -> line.contains("MongoDB is reachable again")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(" INFO "));
        assertThat(logged).doesNotContain(" ERROR ", "\tat ", "Exception in monitor thread");
        // a request refused by the token lookup never reached a route: UNKNOWN, as in Spring's metrics
        assertThat(logged.lines()
                        .filter(line -> line.contains("org.tachi.sessions.requests") && line.contains(" 503 ")))
                .as("the request log records the 503s, the token lookups' included")
                .anySatisfy(line -> assertThat(line).contains("GET /api/v1/sessions/{sessionID} 503"))
                .anySatisfy(line -> assertThat(line).contains("PATCH UNKNOWN 503"))
                .hasSize(4);
        assertThat(logged).doesNotContain(" 500 ");
        assertThat(requestsAnswered("503")).isGreaterThanOrEqualTo(4);
        assertThat(requestsAnswered("500")).isZero();
    }

    @Test
    void aPatchAcknowledgedAfterTheOutageIsInTheDatabase() throws Exception {
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase("tachi");
            database.getCollection("users").insertOne(new Document("id", 1).append("authLevel", 1));
            database.getCollection("api-tokens")
                    .insertOne(new Document("token", "owner")
                            .append("userID", 1)
                            .append("permissions", new Document("customise_session", true)));
            database.getCollection("sessions")
                    .insertOne(new Document("sessionID", "Qkept")
                            .append("userID", 1)
                            .append("name", "Before")
                            .append("game", "sdvx")
                            .append("playtype", "Single")
                            .append("scoreIDs", List.of()));

            MvcResult patched = mvc.perform(rename("Qkept", "Bearer owner", "Acknowledged name"))
                    .andReturn();

            assertThat(status(patched)).isEqualTo(200);
            assertThat(database.getCollection("sessions")
                            .find(new Document("sessionID", "Qkept"))
                            .first()
                            .getString("name"))
                    .isEqualTo("Acknowledged name");
        }
    }

    private static MockHttpServletRequestBuilder rename(String sessionID, String authorization, String name) {
        return patch("/api/v1/sessions/" + sessionID)
                .header("Authorization", authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}");
    }

    private double requestsAnswered(String status) {
        return meters.find("http.server.requests").tag("status", status).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    private static String awaitOutput(CapturedOutput output, int from, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!output.getAll().substring(from).contains(expected)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        return output.getAll().substring(from);
    }

    private static int status(MvcResult result) {
        return result.getResponse().getStatus();
    }
}
