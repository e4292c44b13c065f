package org.tachi.sessions.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;

/** A real HTTP client against the running service, and the data the ops tests need. */
final class OpsHttp {

    static final String TOKEN = "ops-test-secret-token-7f3a";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    OpsHttp(int port) {
        this.port = port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).build());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, BodyHandlers.ofString());
    }

    HttpResponse<String> patchName(String sessionID, String name) throws Exception {
        return send(request("/api/v1/sessions/" + sessionID)
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                .build());
    }

    /** A user (id 7), an API token of theirs that may customise sessions, and one empty session of theirs. */
    static void seed(java.util.function.BiConsumer<String, Document> insert, String sessionID) {
        insert.accept("users", new Document("id", 7).append("username", "ops").append("authLevel", 1));
        insert.accept(
                "api-tokens",
                new Document("token", TOKEN)
                        .append("userID", 7)
                        .append("identifier", "ops test")
                        .append("permissions", new Document("customise_session", true))
                        .append("fromAPIClient", null));
        insert.accept(
                "sessions",
                new Document("sessionID", sessionID)
                        .append("userID", 7)
                        .append("name", "Ops evening")
                        .append("desc", null)
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("highlight", false)
                        .append("scoreIDs", List.of())
                        .append("timeStarted", 2000L)
                        .append("timeEnded", 3000L));
    }

    /** Log lines are written after the response is sent: wait a little for them. */
    static String awaitOutput(Supplier<String> output, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!output.get().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return output.get();
    }
}
