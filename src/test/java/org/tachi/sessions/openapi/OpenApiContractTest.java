package org.tachi.sessions.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.tachi.sessions.openapi.OpenApiConfiguration.FOLDER_RAISES_PATH;
import static org.tachi.sessions.openapi.OpenApiConfiguration.SESSION_PATH;
import static org.tachi.sessions.support.TachiDocuments.scoreData;
import static org.tachi.sessions.support.TachiDocuments.sdvxScore;
import static org.tachi.sessions.support.TachiDocuments.sdvxSession;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.tachi.sessions.support.Callers;
import org.tachi.sessions.support.ServedOverHttpTest;

/**
 * Real answers of the running service, over HTTP, validated against the checked-in
 * {@code docs/openapi.json}: every status, header and body the document promises for GET, PATCH
 * and the errors of any route.
 */
class OpenApiContractTest extends ServedOverHttpTest {

    static final String SESSION = "Qcontract";

    static OpenApiContract contract;

    @BeforeAll
    static void loadDocument() throws Exception {
        contract = new OpenApiContract();
    }

    @BeforeEach
    void seed() {
        Callers.insert(mongo, "carol", UnaryOperator.identity(), "owner", "readonly", "other", "banned");
        insert(
                "scores",
                score("T0", "c1", 1000L, 8_000_000, "FAILED", 0, "A", 3),
                score("T1", "c1", 2000L, 9_000_000, "CLEAR", 1, "AA", 5),
                score("T2", "c2", 2500L, 9_500_000, "CLEAR", 1, "AAA", 7));
        insert(
                "songs-sdvx",
                new Document("id", 1).append("title", "A song"),
                new Document("id", 2).append("title", "Another song"));
        insert(
                "charts-sdvx",
                new Document("chartID", "c1").append("songID", 1).append("difficulty", "EXH"),
                new Document("chartID", "c2").append("songID", 2).append("difficulty", "MXM"));
        insert(
                "sessions",
                sdvxSession(SESSION, 1, "Evening", List.of("T1", "T2"), 1500L).append("timeEnded", 3000L));
    }

    static Document score(
            String scoreID,
            String chartID,
            long time,
            int points,
            String lamp,
            int lampIndex,
            String grade,
            int gradeIndex) {
        return sdvxScore(
                scoreID,
                chartID.equals("c1") ? 1 : 2,
                chartID,
                time,
                scoreData(points, lamp, lampIndex, grade, gradeIndex)
                        .append("optional", new Document("enumIndexes", new Document())));
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    static Stream<Arguments> documentedAnswers() {
        String session = "/api/v1/sessions/" + SESSION;
        String json = "application/json";
        return Stream.of(
                Arguments.of(200, "GET", session, null, new String[0]),
                Arguments.of(200, "GET", session, null, new String[] {"Authorization", "Bearer other"}),
                Arguments.of(400, "GET", session, null, new String[] {"Authorization", "Basic b3duZXI="}),
                Arguments.of(401, "GET", session, null, new String[] {"Authorization", "Bearer"}),
                Arguments.of(401, "GET", session, null, new String[] {"Authorization", "Bearer nobody"}),
                Arguments.of(403, "GET", session, null, new String[] {"Authorization", "Bearer banned"}),
                Arguments.of(404, "GET", "/api/v1/sessions/Qnothing", null, new String[0]),
                Arguments.of(
                        200,
                        "PATCH",
                        session,
                        "{\"name\":\"Friday night\",\"desc\":null,\"highlight\":true}",
                        bearer("owner", json)),
                Arguments.of(400, "PATCH", session, "{\"name\":\"a\"}", bearer("owner", json)),
                Arguments.of(400, "PATCH", session, "{\"highlight\":\"yes\"}", bearer("owner", json)),
                Arguments.of(400, "PATCH", session, "[1]", bearer("owner", json)),
                Arguments.of(400, "PATCH", session, "{\"other\":1}", bearer("owner", json)),
                Arguments.of(400, "PATCH", session, "{nope", bearer("owner", json)),
                Arguments.of(401, "PATCH", session, "{\"highlight\":true}", new String[] {"Content-Type", json}),
                Arguments.of(401, "PATCH", session, "{\"highlight\":true}", bearer("nobody", json)),
                Arguments.of(403, "PATCH", session, "{\"highlight\":true}", bearer("other", json)),
                Arguments.of(403, "PATCH", session, "{\"highlight\":true}", bearer("readonly", json)),
                Arguments.of(403, "PATCH", session, "{\"highlight\":true}", bearer("banned", json)),
                Arguments.of(404, "PATCH", "/api/v1/sessions/Qnothing", "{\"highlight\":true}", bearer("owner", json)),
                Arguments.of(415, "PATCH", session, "highlight=true", bearer("owner", "text/plain")));
    }

    /** The headers of a request with this token and {@code Content-Type}. */
    static String[] bearer(String token, String contentType) {
        return new String[] {"Authorization", "Bearer " + token, "Content-Type", contentType};
    }

    @ParameterizedTest(name = "{1} {2} {4} -> {0}")
    @MethodSource("documentedAnswers")
    void answerMatchesTheDocument(int status, String method, String path, String body, String[] headers)
            throws Exception {
        HttpResponse<String> response = send(method, path, body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contract.violations(method, SESSION_PATH, response)).isEmpty();
    }

    /** Requests that fail two checks at once get the earlier check's answer (README, "Checked in this order"). */
    static Stream<Arguments> twoFailures() {
        String session = "/api/v1/sessions/" + SESSION;
        String unknown = "/api/v1/sessions/Qnothing";
        String json = "application/json";
        String badToken = "Bearer nobody";
        String unknownToken = "The provided API token does not correspond with any key in the database.";
        return Stream.of(
                Arguments.of(
                        "PATCH",
                        session,
                        "{nope",
                        new String[] {"Authorization", badToken, "Content-Type", json},
                        401,
                        unknownToken),
                Arguments.of(
                        "PATCH",
                        session,
                        "x",
                        new String[] {"Authorization", badToken, "Content-Type", "text/plain"},
                        401,
                        unknownToken),
                Arguments.of("DELETE", session, null, new String[] {"Authorization", badToken}, 401, unknownToken),
                Arguments.of(
                        "DELETE",
                        unknown,
                        null,
                        new String[0],
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "PATCH", unknown, "{nope", bearer("owner", json), 400, "Your request body is not valid JSON."),
                Arguments.of(
                        "PATCH",
                        unknown,
                        "x",
                        new String[] {"Authorization", "Bearer owner", "Content-Type", "text/plain"},
                        415,
                        "Request bodies must be JSON (Content-Type: application/json)."),
                Arguments.of(
                        "PATCH",
                        session,
                        "{nope",
                        new String[] {"Content-Type", json},
                        400,
                        "Your request body is not valid JSON."),
                Arguments.of(
                        "PATCH",
                        unknown,
                        "{\"name\":\"a\"}",
                        new String[] {"Content-Type", json},
                        404,
                        "This session does not exist."),
                Arguments.of(
                        "PATCH",
                        session,
                        "[1]",
                        new String[] {"Content-Type", json},
                        401,
                        "You are not authorised to perform this action."),
                Arguments.of(
                        "PATCH",
                        session,
                        "{\"name\":\"a\"}",
                        new String[] {"Authorization", "Bearer other", "Content-Type", json},
                        403,
                        "You are not authorised to modify this session."),
                Arguments.of(
                        "PATCH",
                        session,
                        "{\"name\":\"a\"}",
                        new String[] {"Authorization", "Bearer readonly", "Content-Type", json},
                        403,
                        "You are missing the following permissions necessary for this request: customise_session"),
                Arguments.of(
                        "PATCH",
                        session,
                        "{\"desc\":1,\"name\":\"a\"}",
                        bearer("owner", json),
                        400,
                        "[name] Expected a string between 3 and 80 characters. (Received a)"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @MethodSource("twoFailures")
    void checksRunInTheDocumentedOrder(
            String method, String path, String body, String[] headers, int status, String description)
            throws Exception {
        HttpResponse<String> response = send(method, path, body, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"description\":\"" + description + "\"}");
    }

    @Test
    void notModifiedMatchesTheDocument() throws Exception {
        String etag = send("GET", "/api/v1/sessions/" + SESSION, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> response = send("GET", "/api/v1/sessions/" + SESSION, null, "If-None-Match", etag);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(contract.violations("GET", SESSION_PATH, response)).isEmpty();
    }

    @Test
    void bodyOverTheLimitMatchesTheDocument() throws Exception {
        // Streamed (chunked): the JDK client hangs on a 413 answered to Expect: 100-continue.
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(url("/api/v1/sessions/" + SESSION))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer owner")
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        BodyPublishers.ofInputStream(() ->
                                new SequenceInputStream(Collections.enumeration(IntStream.range(0, 80)
                                        .mapToObj(i -> (InputStream) new ByteArrayInputStream(
                                                i == 0 ? "{\"name\":\"".getBytes(StandardCharsets.US_ASCII) : chunk))
                                        .toList()))))
                .build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contract.violations("PATCH", SESSION_PATH, response)).isEmpty();
    }

    @Test
    void errorsOfAnyRouteMatchTheDocument() throws Exception {
        Map<String, HttpResponse<String>> answers = Map.of(
                "UnknownRoute", send("GET", "/api/v1/nothing-here", null),
                "MethodNotAllowed", send("DELETE", "/api/v1/sessions/" + SESSION, null),
                "MalformedUrl", send("GET", "/api/v1/sessions/Q%2Fcontract", null));
        answers.forEach((name, response) -> assertThat(contract.violationsOfAnyRoute(name, response))
                .as(name + ": " + response.statusCode() + " " + response.body())
                .isEmpty());
    }

    /**
     * springdoc brings Jackson's YAML module; the API still never answers YAML. Checked on the
     * converters rather than over HTTP: a request whose Accept excludes JSON gets a 406 whose
     * handling logs stack traces (see the README's 406).
     */
    @Test
    void theApiNeverAnswersYaml(@Autowired RequestMappingHandlerAdapter handlers) {
        // the same converters write the answers of the exception handlers
        assertThat(handlers.getMessageConverters())
                .isNotEmpty()
                .allSatisfy(converter -> assertThat(converter.getSupportedMediaTypes())
                        .noneMatch(type -> type.getSubtype().endsWith("yaml")));
    }

    /** Checked once the route exists (another branch adds it); until then the route is unknown here. */
    @Test
    void folderRaisesMatchTheDocument() throws Exception {
        HttpResponse<String> raises = send("GET", "/api/v1/sessions/" + SESSION + "/folder-raises", null);
        assumeFalse(
                raises.body().contains("This endpoint does not exist."),
                "GET " + FOLDER_RAISES_PATH + " is not implemented on this branch");
        assertThat(raises.statusCode()).isEqualTo(200);
        assertThat(contract.violations("GET", FOLDER_RAISES_PATH, raises)).isEmpty();
        HttpResponse<String> missing = send("GET", "/api/v1/sessions/Qnothing/folder-raises", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(contract.violations("GET", FOLDER_RAISES_PATH, missing)).isEmpty();
    }

    /** The check itself: an answer that breaks the document is caught. */
    @Test
    void anAnswerOutsideTheDocumentIsCaught() throws Exception {
        HttpResponse<String> real = send("GET", "/api/v1/sessions/Qnothing", null);
        assertThat(contract.violations("GET", SESSION_PATH, real)).isEmpty();
        assertThat(contract.violations(
                        "GET", SESSION_PATH, new Altered<>(real, 404, "{\"success\":false,\"description\":\"No.\"}")))
                .isNotEmpty();
        assertThat(
                        contract.violations(
                                "GET",
                                SESSION_PATH,
                                new Altered<>(
                                        real,
                                        404,
                                        "{\"success\":false,\"description\":\"This session does not exist.\",\"stack\":\"x\"}")))
                .isNotEmpty();
        assertThat(contract.violations("GET", SESSION_PATH, new Altered<>(real, 418, real.body())))
                .isNotEmpty();
    }
}
