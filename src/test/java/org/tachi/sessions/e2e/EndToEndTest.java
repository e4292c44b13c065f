package org.tachi.sessions.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tachi.sessions.support.DocumentAssert.assertSameDocument;
import static org.tachi.sessions.support.DocumentAssert.parse;
import static org.tachi.sessions.support.TachiDocuments.apiToken;
import static org.tachi.sessions.support.TachiDocuments.scoreData;
import static org.tachi.sessions.support.TachiDocuments.sdvxScore;
import static org.tachi.sessions.support.TachiDocuments.sdvxSession;
import static org.tachi.sessions.support.TachiDocuments.user;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tachi.sessions.support.ServedOverHttpTest;

/** The service over a real HTTP socket, with the real Tomcat in front of it. */
class EndToEndTest extends ServedOverHttpTest {

    static final String SESSION = "Qe2e";

    @BeforeEach
    void seed() {
        insert("users", user(1, "alice", 1));
        insert("api-tokens", apiToken("owner", "e2e", 1, true));
        insert(
                "scores",
                sdvxScore(
                        "T1",
                        1,
                        "c1",
                        2000L,
                        scoreData(9_000_000, "CLEAR", 1, "AA", 5)
                                .append("optional", new Document("enumIndexes", new Document()))));
        insert("songs-sdvx", new Document("id", 1).append("title", "A song"));
        insert("charts-sdvx", new Document("chartID", "c1").append("songID", 1).append("difficulty", "EXH"));
        insert(
                "sessions",
                sdvxSession(SESSION, 1, "Evening", List.of("T1"), 2000L).append("timeEnded", 3000L));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.sendAsync(request, BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
    }

    HttpRequest patch(String json) {
        return HttpRequest.newBuilder(url("/api/v1/sessions/" + SESSION))
                .header("Authorization", "Bearer owner")
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString(json))
                .build();
    }

    @Test
    void getThenPatchThenTheDatabaseHoldsTheChange() throws Exception {
        HttpResponse<String> get =
                send(HttpRequest.newBuilder(url("/api/v1/sessions/" + SESSION)).build());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/json"));
        Document body = parse(get.body()).get("body", Document.class);
        assertThat(body.getList("scores", Document.class))
                .extracting(s -> s.get("scoreID"))
                .containsExactly("T1");
        assertThat(body.getList("scoreInfo", Document.class))
                .containsExactly(new Document("scoreID", "T1").append("isNewScore", true));

        HttpResponse<String> patched = send(patch("{\"name\":\"A renamed evening\",\"highlight\":true}"));
        assertThat(patched.statusCode()).isEqualTo(200);
        Document stored = stored("sessions", "sessionID", SESSION);
        assertThat(stored.getString("name")).isEqualTo("A renamed evening");
        assertThat(stored.getBoolean("highlight")).isTrue();
        assertSameDocument(stored, parse(patched.body()).get("body"));
    }

    @Test
    void fortyConcurrentPatchesAllSucceedAndOneNameWins() {
        List<String> names =
                IntStream.range(0, 40).mapToObj(i -> "Concurrent name " + i).toList();
        List<CompletableFuture<HttpResponse<String>>> responses = names.stream()
                .map(name -> http.sendAsync(patch("{\"name\":\"" + name + "\"}"), BodyHandlers.ofString()))
                .toList();
        assertThat(responses)
                .allSatisfy(response -> assertThat(
                                response.get(30, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200));
        Document stored = stored("sessions", "sessionID", SESSION);
        assertThat(names).contains(stored.getString("name"));
        // Every other field is intact: no request overwrote the session with a stale copy.
        assertThat(stored.getList("scoreIDs", String.class)).containsExactly("T1");
        assertThat(stored.get("timeStarted")).isEqualTo(2000L);
    }

    @Test
    void pathsTomcatRejectsStillAnswerTheJsonEnvelope() throws Exception {
        for (String path : List.of(
                "/api/v1/sessions/a%2Fb",
                "/api/v1/sessions/a%5Cb",
                "/api/v1/sessions/a%00b",
                "/api/v1/sessions/a;b",
                "/api/v1/sessions/%2e%2e")) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(url(path)).build());
            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            Document envelope = parse(response.body());
            assertThat(envelope.getBoolean("success")).as(path).isFalse();
            assertThat(envelope.getString("description")).as(path).isNotBlank();
            assertThat(response.body()).as(path).doesNotContain("Tomcat", "Exception", "<html");
        }
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
        // A raw socket, to see exactly what a client that waits for 100-continue is told.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream()
                    .write(("PATCH /api/v1/sessions/" + SESSION + " HTTP/1.1\r\n" + "Host: localhost\r\n"
                                    + "Authorization: Bearer owner\r\n" + "Content-Type: application/json\r\n"
                                    + "Content-Length: 5000000\r\n" + "Expect: 100-continue\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response)
                    .startsWith("HTTP/1.1 413")
                    .contains(
                            "{\"success\":false,\"description\":\"Your request body was too large. The limit is 4MB.\"}");
        }
        assertThat(stored("sessions", "sessionID", SESSION).getString("name")).isEqualTo("Evening");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] chunk = "x".repeat(64 * 1024).getBytes();
        HttpRequest request = HttpRequest.newBuilder(url("/api/v1/sessions/" + SESSION))
                .header("Authorization", "Bearer owner")
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        BodyPublishers.ofInputStream(() ->
                                new java.io.SequenceInputStream(java.util.Collections.enumeration(IntStream.range(0, 80)
                                        .mapToObj(i -> (java.io.InputStream) new java.io.ByteArrayInputStream(
                                                i == 0 ? "{\"name\":\"".getBytes() : chunk))
                                        .toList()))))
                .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(parse(response.body()).getString("description"))
                .isEqualTo("Your request body was too large. The limit is 4MB.");
    }
}
