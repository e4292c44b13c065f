package org.tachi.sessions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tachi.sessions.support.RestartableMongoServer;

/**
 * Readiness follows MongoDB: DOWN (503) while it is gone, UP again once it is back; liveness stays
 * UP throughout, so an orchestrator stops routing traffic instead of restarting the service. Uses
 * its own wire-protocol server, stopped and restarted on the same port.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tachi.mongodb.server-selection-timeout=1s",
            // the health check's failure during the outage is expected: no stack trace in the build log
            "logging.level.org.springframework.boot.mongodb.health=ERROR"
        })
class ReadinessOutageTest {

    static final RestartableMongoServer mongo = new RestartableMongoServer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("MONGODB_URI", mongo::uri);
    }

    @AfterAll
    static void stop() {
        mongo.stop();
    }

    @Test
    void readinessIsDownWhileMongoDbIsGoneAndLivenessStaysUp() throws Exception {
        OpsHttp http = new OpsHttp(port);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        mongo.stop();
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        Document body = Document.parse(readiness.body());
        assertThat(body.getString("status")).isEqualTo("DOWN");
        assertThat(body.get("components", Document.class)
                        .get("mongo", Document.class)
                        .getString("status"))
                .isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        mongo.start();
        int status = 0;
        Instant deadline = Instant.now().plusSeconds(30);
        while (status != 200 && Instant.now().isBefore(deadline)) {
            status = http.get("/actuator/health/readiness").statusCode();
        }
        assertThat(status).as("ready again once MongoDB is back").isEqualTo(200);
    }
}
