package org.tachi.sessions.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.MongoIntegrationTest;
import org.tachi.sessions.support.SecurityHeaders;

/**
 * Requests a fuzzer or an attacker sends, over a raw socket so that nothing normalises them: each is
 * answered with the envelope, a 4xx status and the security headers, whoever answers it (Spring
 * MVC, a filter, the servlet error page or Tomcat itself), and none logs an ERROR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest extends MongoIntegrationTest {

    static final String SESSION = "/api/v1/sessions/Qhostile";

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        insert("users", new Document("id", 1).append("username", "alice").append("authLevel", 1));
        insert("users", new Document("id", 2).append("username", "banned").append("authLevel", 0));
        insert(
                "api-tokens",
                new Document("token", "owner")
                        .append("userID", 1)
                        .append("permissions", new Document("customise_session", true)));
        insert("api-tokens", new Document("token", "banned").append("userID", 2));
        insert(
                "sessions",
                new Document("sessionID", "Qhostile")
                        .append("userID", 1)
                        .append("name", "Evening")
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", java.util.List.of()));
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of(
                        "wildcard Content-Type",
                        "PATCH " + SESSION + " HTTP/1.1\r\nContent-Type: */*\r\nContent-Length: 2\r\n\r\n{}",
                        415,
                        "Request bodies must be JSON (Content-Type: application/json)."),
                Arguments.of(
                        "wildcard subtype",
                        "PATCH " + SESSION + " HTTP/1.1\r\nContent-Type: application/*\r\nContent-Length: 2\r\n\r\n{}",
                        415,
                        "Request bodies must be JSON (Content-Type: application/json)."),
                Arguments.of(
                        "wildcard Content-Type without a body (found by -Pfuzz: Spring's header parsing threw)",
                        "PATCH " + SESSION + " HTTP/1.1\r\nContent-Type: */*\r\nAuthorization: Bearer owner\r\n\r\n",
                        415,
                        "Request bodies must be JSON (Content-Type: application/json)."),
                Arguments.of(
                        "form body with a malformed %-escape on PATCH",
                        "PATCH " + SESSION + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 1\r\n\r\n%",
                        415,
                        "Request bodies must be JSON (Content-Type: application/json)."),
                Arguments.of(
                        "form body with a malformed %-escape on PUT",
                        "PUT " + SESSION + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 1\r\n\r\n%",
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "form body with a malformed %-escape on DELETE",
                        "DELETE " + SESSION + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Content-Length: 1\r\n\r\n%",
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "malformed chunk header",
                        "PATCH " + SESSION + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n",
                        400,
                        "This request is malformed."),
                Arguments.of(
                        "unknown method",
                        "PROPFIND " + SESSION + " HTTP/1.1\r\n\r\n",
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "CONNECT (Tomcat's 501)",
                        "CONNECT " + SESSION + " HTTP/1.1\r\n\r\n",
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "TRACE (Tomcat's 405)",
                        "TRACE " + SESSION + " HTTP/1.1\r\n\r\n",
                        405,
                        "This endpoint does not support this HTTP method."),
                Arguments.of(
                        "unsupported HTTP version (Tomcat's 505)",
                        "GET " + SESSION + " HTTP/2.0\r\n\r\n",
                        400,
                        "This request is malformed."),
                Arguments.of(
                        "malformed %-escape in a path parameter",
                        "GET " + SESSION + ";a=%zz HTTP/1.1\r\n\r\n",
                        400,
                        "This request was rejected: its URL is malformed."),
                Arguments.of(
                        "encoded slash (Tomcat's 400)",
                        "GET /api/v1/sessions/a%2Fb HTTP/1.1\r\n\r\n",
                        400,
                        "This request is malformed."),
                Arguments.of(
                        "control character in a header (Tomcat's 400)",
                        "GET " + SESSION + " HTTP/1.1\r\nAuthorization: Bearer owner\u0001\r\n\r\n",
                        400,
                        "This request is malformed."),
                Arguments.of(
                        "Accept: text/html on an unknown route",
                        "GET /nothing-here HTTP/1.1\r\nAccept: text/html\r\n\r\n",
                        404,
                        "This endpoint does not exist."),
                Arguments.of(
                        "Accept: application/xml on a session",
                        "GET /api/v1/sessions/Qnone HTTP/1.1\r\nAccept: application/xml\r\n\r\n",
                        404,
                        "This session does not exist."),
                Arguments.of(
                        "unknown token (the token filter's own answer)",
                        "GET " + SESSION + " HTTP/1.1\r\nAuthorization: Bearer nope\r\n\r\n",
                        401,
                        "The provided API token does not correspond with any key in the database."),
                Arguments.of(
                        "not a Bearer token",
                        "GET " + SESSION + " HTTP/1.1\r\nAuthorization: Basic b3duZXI=\r\n\r\n",
                        400,
                        "Invalid Authorization Type - Expected Bearer."),
                Arguments.of(
                        "banned user",
                        "GET " + SESSION + " HTTP/1.1\r\nAuthorization: Bearer banned\r\n\r\n",
                        403,
                        "You are banned from Tachi"),
                Arguments.of(
                        "body over the limit",
                        "PATCH " + SESSION + " HTTP/1.1\r\nAuthorization: Bearer owner\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n",
                        413,
                        "Your request body was too large. The limit is 4MB."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void isAnEnvelopeWithTheSecurityHeaders(
            String name, String request, int status, String description, CapturedOutput output) throws Exception {
        int logged = output.getAll().length();
        String response = exchange(request);
        String head =
                response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(response).as(name).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response)
                .as(name)
                .contains("{\"success\":false,\"description\":\"" + description + "\"}")
                .doesNotContain("<html", "Exception", "Tomcat");
        assertThat(head).as(name).contains("content-type: application/json");
        SecurityHeaders.EXPECTED.forEach((header, value) ->
                assertThat(head).as(name).containsOnlyOnce("\r\n" + header.toLowerCase() + ": " + value.toLowerCase()));
        assertThat(head.split("\r\naccept:", -1))
                .as(name + ": at most one Accept header")
                .hasSizeLessThan(3);
        assertThat(output.getAll().substring(logged)).as(name).doesNotContain(" ERROR ", "\tat ");
    }

    /**
     * {@code OPTIONS *}, which Tomcat answers itself before any valve (found by {@code -Pfuzz}: a 200
     * with no security headers): a 204 with them, as every other OPTIONS.
     */
    @Test
    void optionsStarIsA204WithTheSecurityHeaders() throws Exception {
        String response = exchange("OPTIONS * HTTP/1.1\r\n\r\n");
        String head =
                response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(response).startsWith("HTTP/1.1 204 ");
        SecurityHeaders.EXPECTED.forEach((header, value) ->
                assertThat(head).containsOnlyOnce("\r\n" + header.toLowerCase() + ": " + value.toLowerCase()));
        assertThat(response.substring(head.length() + 4)).isEmpty();
    }

    /**
     * A request whose header lines stop arriving (a slowloris client) loses its connection once
     * {@code server.tomcat.connection-timeout} (5 s) passes without a byte, instead of Tomcat's 60 s.
     */
    @Test
    void aStalledRequestHeaderLosesItsConnectionWithinSeconds() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream()
                    .write(("GET " + SESSION + " HTTP/1.1\r\nHost: localhost\r\n").getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            socket.getInputStream().readAllBytes();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
        }
    }

    /** Adds Host and Connection: close after the request line, sends it, reads the whole answer. */
    private String exchange(String request) throws IOException {
        int endOfLine = request.indexOf("\r\n");
        String withHost = request.substring(0, endOfLine) + "\r\nHost: localhost\r\nConnection: close"
                + request.substring(endOfLine);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(withHost.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
