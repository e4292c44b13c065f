package org.tachi.sessions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.tachi.sessions.support.MongoIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code logging.structured.format.console=ecs}: the request log line is one JSON object. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class StructuredRequestLogTest extends MongoIntegrationTest {

    @LocalServerPort
    int port;

    /**
     * Logback keeps the configuration of the first context that set it up until that context
     * closes, and the test framework caches contexts: make this context configure it again.
     */
    @BeforeAll
    static void letThisContextConfigureLogging() {
        LoggingSystem.get(StructuredRequestLogTest.class.getClassLoader()).cleanUp();
    }

    /**
     * Boot passes the format to Logback as a system property, which outlives this context: without
     * this, every context started after it would log JSON too.
     */
    @AfterAll
    static void leaveTheNextContextsPlainText() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void theRequestLogLineIsJsonWithRouteStatusUserAndRequestIdButNoToken(CapturedOutput output) throws Exception {
        String sessionID = "Qjson" + UUID.randomUUID().toString().replace("-", "");
        OpsHttp.seed((collection, document) -> insert(collection, document), sessionID);
        OpsHttp http = new OpsHttp(port);
        String requestId = "json-log-" + UUID.randomUUID();

        HttpResponse<String> response = http.send(http.request("/api/v1/sessions/" + sessionID)
                .header("Authorization", "Bearer " + OpsHttp.TOKEN)
                .header("X-Request-Id", requestId)
                .build());
        assertThat(response.statusCode()).isEqualTo(200);

        String logged = OpsHttp.awaitOutput(output::getOut, "\"route\":\"/api/v1/sessions/{sessionID}\"");
        JsonMapper json = JsonMapper.builder().build();
        JsonNode line = logged.lines()
                .filter(l -> l.startsWith("{") && l.contains(requestId) && l.contains("\"route\""))
                .map(json::readTree)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON request log line in:\n" + logged));
        assertThat(line.path("method").asString()).isEqualTo("GET");
        assertThat(line.path("route").asString()).isEqualTo("/api/v1/sessions/{sessionID}");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("durationMs").isNumber()).isTrue();
        assertThat(line.path("userID").asString()).isEqualTo("7");
        assertThat(line.path("requestId").asString()).isEqualTo(requestId);
        assertThat(line.path("log").path("logger").asString()).isEqualTo(RequestLogFilter.LOGGER_NAME);
        assertThat(logged).doesNotContain(OpsHttp.TOKEN).doesNotContain(sessionID);
    }
}
