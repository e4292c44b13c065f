package org.tachi.sessions.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tachi.sessions.openapi.OpenApiConfiguration.SESSION_PATH;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 503 of an unreachable MongoDB, as the document describes it, for GET and PATCH. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // nothing listens on port 1: every connection is refused at once
            "spring.mongodb.uri=mongodb://127.0.0.1:1/tachi_sessions_unreachable",
            "tachi.mongodb.server-selection-timeout=300ms",
            // the outage is the point of this test: its warnings are expected
            "logging.level.org.tachi.sessions.envelope=ERROR",
            "logging.level.org.mongodb.driver=ERROR"
        })
class OpenApiOutageContractTest {

    @LocalServerPort
    int port;

    @Test
    void databaseOutageMatchesTheDocument() throws Exception {
        OpenApiContract contract = new OpenApiContract();
        HttpClient http = HttpClient.newHttpClient();
        URI session = URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/Qoutage");
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(session).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
        HttpResponse<String> patch = http.send(
                HttpRequest.newBuilder(session)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method("PATCH", BodyPublishers.ofString("{\"highlight\":true}"))
                        .build(),
                BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(503);
        assertThat(contract.violations("GET", SESSION_PATH, get)).isEmpty();
        assertThat(patch.statusCode()).isEqualTo(503);
        assertThat(contract.violations("PATCH", SESSION_PATH, patch)).isEmpty();
    }
}
