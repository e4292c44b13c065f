package org.tachi.sessions.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tachi.sessions.support.TachiDocuments.scoreData;
import static org.tachi.sessions.support.TachiDocuments.sdvxScore;
import static org.tachi.sessions.support.TachiDocuments.sdvxSession;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * What a browser sees over a real socket: Tachi's CORS, security headers, revalidation with a
 * weak ETag (as Tachi's Express sends), gzip for large bodies, and HEAD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserHeadersTest extends MongoIntegrationTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() {
        insert(
                "api-tokens",
                new Document("token", "owner")
                        .append("userID", 1)
                        .append("permissions", new Document("customise_session", true)));
        List<String> scoreIDs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String scoreID = "T" + (100 + i);
            scoreIDs.add(scoreID);
            insert("scores", sdvxScore(scoreID, i, "c" + i, 5000L + i, scoreData(9_000_000 + i, "CLEAR", 1, "AA", 5)));
        }
        insert("sessions", sdvxSession("Qweb", 1, "Evening", scoreIDs, 5000L));
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return http.sendAsync(request.build(), BodyHandlers.ofByteArray()).get(30, TimeUnit.SECONDS);
    }

    HttpRequest.Builder get() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/Qweb"))
                .header("Origin", "http://frontend.test");
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyResponseCarriesTachisCorsAndSecurityHeaders() throws Exception {
        for (HttpRequest.Builder request : List.of(
                get(),
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/nope"))
                        .header("Origin", "http://frontend.test"))) {
            HttpResponse<byte[]> response = send(request);
            assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("false");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
            assertThat(header(response, "Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(header(response, "Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(response.headers().map()).doesNotContainKeys("server", "x-powered-by");
        }
    }

    @Test
    void preflightIsAnsweredWithoutAuthentication() throws Exception {
        HttpResponse<byte[]> response = send(get().method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(header(response, "Access-Control-Allow-Methods")).isEqualTo("GET,POST,PATCH,PUT,DELETE,OPTIONS");
        assertThat(header(response, "Access-Control-Allow-Headers"))
                .isEqualTo("Content-Type, X-User-Intent, Authorization");
        assertThat(header(response, "Access-Control-Allow-Credentials")).isEqualTo("false");
    }

    @Test
    void weakEtagRevalidatesWith304AndChangesAfterAPatch() throws Exception {
        HttpResponse<byte[]> first = send(get());
        String etag = header(first, "ETag");
        assertThat(etag).matches("W/\"0[0-9a-f]{32}\"");
        assertThat(header(first, "Cache-Control")).isEqualTo("no-cache");

        HttpResponse<byte[]> revalidated = send(get().header("If-None-Match", etag));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(header(revalidated, "ETag")).isEqualTo(etag);

        HttpResponse<byte[]> patched =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/Qweb"))
                        .header("Authorization", "Bearer owner")
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Renamed\"}")));
        assertThat(patched.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> after = send(get().header("If-None-Match", etag));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(header(after, "ETag")).isNotEqualTo(etag);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("\"name\":\"Renamed\"");
    }

    @Test
    void largeBodiesAreGzippedWhenAcceptedAndKeepTheirWeakTag() throws Exception {
        HttpResponse<byte[]> identity = send(get());
        assertThat(identity.body().length).isGreaterThan(1024);
        assertThat(header(identity, "Content-Encoding")).isNull();

        HttpResponse<byte[]> gzipped = send(get().header("Accept-Encoding", "gzip"));
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(gzipped, "Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(identity.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(identity.body());
        }
        String gzipTag = header(gzipped, "ETag");
        assertThat(gzipTag).startsWith("W/").isEqualTo(header(identity, "ETag"));
        assertThat(send(get().header("Accept-Encoding", "gzip").header("If-None-Match", gzipTag))
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<byte[]> get = send(get());
        HttpResponse<byte[]> head = send(get().method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String name : List.of("ETag", "Cache-Control", "Content-Type", "X-Content-Type-Options")) {
            assertThat(header(head, name)).as(name).isNotNull().isEqualTo(header(get, name));
        }
        assertThat(send(get().method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .header("If-None-Match", header(get, "ETag")))
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void smallBodiesAreNotCompressed() throws Exception {
        HttpResponse<byte[]> notFound =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/nope"))
                        .header("Accept-Encoding", "gzip"));
        assertThat(header(notFound, "Content-Encoding")).isNull();
        assertThat(new String(notFound.body(), StandardCharsets.UTF_8)).startsWith("{\"success\":false");
    }
}
