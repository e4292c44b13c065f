package org.tachi.sessions.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The client of {@code scripts/thread-cpu.sh}: {@code n} requests one after another on one keep-alive
 * connection, as the benchmark's clients send them. Args: port, n, and a session ID, {@code PATCH}, or a
 * path (starting with {@code /}) that no route answers, whose 404 costs the web stack but no database work.
 */
public final class SteadyLoad {

    private SteadyLoad() {}

    public static void main(String[] args) throws Exception {
        String target = args[2];
        int requests = Integer.parseInt(args[1]);
        HttpRequest request = request("http://127.0.0.1:" + args[0], target);
        int expected = target.startsWith("/") ? 404 : 200;
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < requests; i++) {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != expected) {
                throw new IllegalStateException(target + ": HTTP " + status);
            }
        }
    }

    private static HttpRequest request(String origin, String target) {
        if (target.startsWith("/")) {
            return HttpRequest.newBuilder(URI.create(origin + target)).build();
        }
        String sessions = origin + "/api/v1/sessions/";
        if (!"PATCH".equals(target)) {
            return HttpRequest.newBuilder(URI.create(sessions + target)).build();
        }
        return HttpRequest.newBuilder(URI.create(sessions + "Qpatch"))
                .header("Authorization", "Bearer " + BenchmarkDatabase.TOKEN)
                .header("Content-Type", "application/json")
                .method(
                        "PATCH",
                        HttpRequest.BodyPublishers.ofString("{\"name\":\"" + SessionBenchmark.PATCHED_NAME + "\"}"))
                .build();
    }
}
