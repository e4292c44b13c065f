package org.tachi.sessions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * The operations surface over real HTTP: Actuator's health, info and prometheus (and nothing else),
 * request IDs, and the one-line-per-request log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OpsEndpointsTest extends MongoIntegrationTest {

    @LocalServerPort
    int port;

    OpsHttp http;

    String sessionID;

    @BeforeEach
    void seed() {
        http = new OpsHttp(port);
        sessionID = "Qops" + UUID.randomUUID().toString().replace("-", "");
        OpsHttp.seed((collection, document) -> insert(collection, document), sessionID);
    }

    @Test
    void healthLivenessAndReadinessAreUpWithoutAToken() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).contains("json"));
            assertThat(Document.parse(response.body()).getString("status"))
                    .as(path)
                    .isEqualTo("UP");
        }
        // Plain Actuator JSON, not the Tachi envelope.
        assertThat(Document.parse(http.get("/actuator/health").body())).doesNotContainKey("success");
    }

    @Test
    void readinessIncludesMongoDbPingedNotHello() throws Exception {
        String readiness = http.get("/actuator/health/readiness").body();
        Document components = Document.parse(readiness).get("components", Document.class);
        assertThat(components).as(readiness).isNotNull();
        assertThat(components.keySet()).contains("mongo", "readinessState");
        assertThat(components.get("mongo", Document.class).getString("status")).isEqualTo("UP");
        // Liveness must not depend on MongoDB: an outage makes the service unready, not restarted.
        assertThat(http.get("/actuator/health/liveness").body()).doesNotContain("mongo");
    }

    @Test
    void infoShowsTheVersionAndTheCommit() throws Exception {
        HttpResponse<String> response = http.get("/actuator/info");
        assertThat(response.statusCode()).isEqualTo(200);
        Document info = Document.parse(response.body());
        assertThat(info.get("build", Document.class).getString("version")).isNotBlank();
        assertThat(info.get("build", Document.class).getString("artifact")).isEqualTo("tachi-sessions");
        // git.properties exists wherever the build ran in a git checkout (CI, developers).
        if (getClass().getResource("/git.properties") != null) {
            assertThat(info.get("git", Document.class)
                            .get("commit", Document.class)
                            .getString("id"))
                    .isNotBlank();
        }
    }

    @Test
    void prometheusTagsHttpTimingsWithTheRouteTemplateNeverTheRawId() throws Exception {
        String unknown = "Qunknown" + UUID.randomUUID().toString().replace("-", "");
        assertThat(http.get("/api/v1/sessions/" + unknown).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/sessions/" + sessionID).statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = http.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        String metrics = scrape.body();
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/sessions/\\{sessionID\\}\"");
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/v1/sessions/\\{sessionID\\}\"");
        assertThat(metrics).doesNotContain(sessionID).doesNotContain(unknown);
    }

    /**
     * Spring Security's own observations are off (auth.SecurityConfiguration: they cost 7% of the
     * samples in a PATCH profile): an authenticated PATCH is still timed by route, and no security filter chain,
     * secured-request or authorization metric appears.
     */
    @Test
    void securityFilterChainIsNotObservedWhileRequestsStillAre() throws Exception {
        HttpResponse<String> patched = http.patchName(sessionID, "Observed");
        assertThat(patched.statusCode()).isEqualTo(200);

        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*method=\"PATCH\"[^}]*status=\"200\"[^}]*uri=\"/api/v1/sessions/\\{sessionID\\}\"");
        assertThat(metrics).doesNotContain("spring_security_");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/env",
                "/actuator/beans",
                "/actuator/metrics",
                "/actuator/configprops",
                "/actuator/loggers",
                "/actuator/heapdump",
                "/actuator/threaddump",
                "/actuator/mappings",
                "/actuator/shutdown"
            })
    void everyOtherActuatorEndpointIsAbsent(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(Document.parse(response.body()).getBoolean("success"))
                .as(path)
                .isFalse();
        HttpResponse<String> post = http.send(http.request(path)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build());
        assertThat(post.statusCode()).as("POST " + path).isIn(404, 405);
    }

    /** Found by the -Pfuzz run: Actuator answers an unknown health group or component with no body at all. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/nope", "/actuator/health/liveness/nope", "/actuator/health/mongo/x"})
    void anUnknownHealthPathIsThe404Envelope(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json;charset=UTF-8");
        assertThat(response.body())
                .as(path)
                .isEqualTo("{\"success\":false,\"description\":\"This endpoint does not exist.\"}");
    }

    @Test
    void aValidRequestIdIsEchoed() throws Exception {
        HttpResponse<String> response = http.send(http.request("/api/v1/sessions/" + sessionID)
                .header("X-Request-Id", "client-req.42:abc_DEF")
                .build());
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("client-req.42:abc_DEF");
    }

    @Test
    void aMissingRequestIdIsGenerated() throws Exception {
        String first = http.get("/api/v1/sessions/" + sessionID)
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        String second = http.get("/actuator/health")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "quote\"d", "<script>", "x%0d%0aSet-Cookie"})
    void anUnsafeRequestIdIsReplaced(String unsafe) throws Exception {
        HttpResponse<String> response = http.send(http.request("/api/v1/sessions/" + sessionID)
                .header("X-Request-Id", unsafe)
                .build());
        String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(echoed).isNotEqualTo(unsafe);
        assertThat(UUID.fromString(echoed)).isNotNull();
    }

    @Test
    void anOverlongRequestIdIsReplaced() throws Exception {
        String overlong = "a".repeat(RequestIds.MAX_LENGTH + 1);
        String echoed = http.send(http.request("/api/v1/sessions/" + sessionID)
                        .header("X-Request-Id", overlong)
                        .build())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(UUID.fromString(echoed)).isNotNull();
    }

    /** The request log is the outermost filter: even a CORS preflight, answered by the CORS filter, has an ID. */
    @Test
    void aCorsPreflightGetsARequestIdAndALogLine(CapturedOutput output) throws Exception {
        HttpResponse<String> preflight = http.send(http.request("/api/v1/sessions/" + sessionID)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.test")
                .header("Access-Control-Request-Method", "PATCH")
                .header("X-Request-Id", "ops-preflight-1")
                .build());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("X-Request-Id")).hasValue("ops-preflight-1");
        String logged = OpsHttp.awaitOutput(output::getOut, "ops-preflight-1");
        assertThat(logged.lines().filter(l -> l.contains("ops-preflight-1")))
                .anySatisfy(line -> assertThat(line).contains("OPTIONS UNKNOWN 204"));
    }

    @Test
    void oneLogLinePerRequestWithRouteStatusAndUserButNeverTheToken(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.patchName(sessionID, "Renamed by the ops test");
        assertThat(response.statusCode()).isEqualTo(200);
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        String logged = OpsHttp.awaitOutput(output::getOut, requestId);
        String line = logged.lines()
                .filter(l -> l.contains(requestId) && l.contains("PATCH /api/v1/sessions/{sessionID} 200"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request log line for " + requestId + " in:\n" + logged));
        assertThat(line).contains("userID=7").containsPattern(" \\d+ms");
        assertThat(logged).doesNotContain(OpsHttp.TOKEN).doesNotContain(sessionID);
    }

    @Test
    void aRejectedTokenIsLoggedWithoutTheToken(CapturedOutput output) throws Exception {
        String requestId = "ops-bad-token-" + UUID.randomUUID();
        HttpResponse<String> response = http.send(http.request("/api/v1/sessions/" + sessionID)
                .header("Authorization", "Bearer " + OpsHttp.TOKEN + "-wrong")
                .header("X-Request-Id", requestId)
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);

        String logged = OpsHttp.awaitOutput(output::getOut, requestId);
        assertThat(logged.lines().filter(l -> l.contains(requestId)))
                .anySatisfy(line -> assertThat(line).contains("GET UNKNOWN 401").doesNotContain("userID="));
        assertThat(logged).doesNotContain(OpsHttp.TOKEN);
    }

    @Test
    void unknownRoutesAndMethodsGetOnlyTheRequestLogLineNoWarning(CapturedOutput output) throws Exception {
        String notFound = "ops-404-" + UUID.randomUUID();
        String notAllowed = "ops-405-" + UUID.randomUUID();
        assertThat(http.send(http.request("/no/such/route")
                                .header("X-Request-Id", notFound)
                                .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.send(http.request("/api/v1/sessions/" + sessionID)
                                .header("X-Request-Id", notAllowed)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(405);

        String logged = OpsHttp.awaitOutput(output::getOut, notAllowed);
        assertThat(logged.lines().filter(l -> l.contains(notFound) || l.contains(notAllowed)))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(" INFO ").doesNotContain("WARN"));
    }
}
