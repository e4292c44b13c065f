package org.tachi.sessions.fuzz;

import static org.quicktheories.QuickTheory.qt;
import static org.tachi.sessions.fuzz.Gens.mostly;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Well-formed HTTP (java.net.http.HttpClient) carrying generated PATCH bodies, from every kind of
 * caller (the owner with and without {@code customise_session}, another user, a banned user, an
 * unknown token, a guest), to the owner's sessions, another user's and a missing one, with the
 * content types a client may claim. Pins: every answer is the envelope with the security headers
 * and a 2xx/4xx status, nothing leaks, and only the caller's own session changes, only in
 * {@code name}/{@code desc}/{@code highlight}, only with a 200.
 */
class PatchBodyFuzzTest extends FuzzTarget {

    record Patch(String method, String sessionID, String authorization, String contentType, byte[] body) {

        String path() {
            return "/api/v1/sessions/"
                    + URLEncoder.encode(sessionID, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return method + " " + path() + "\nAuthorization: " + authorization + "\nContent-Type: " + contentType
                    + "\n\n" + latin1(body);
        }
    }

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void generatedPatchBodiesNeverBreakTheEnvelopeOrChangeWhatTheyMayNot() {
        qt().withExamples(EXAMPLES).forAll(patches()).checkAssert(patch -> {
            RawHttp.Answer answer = send(patch);
            verify(patch.toString(), false, patch.path(), answer, mayChange(patch.authorization()));
        });
    }

    static Gen<Patch> patches() {
        Gen<String> method = mostly(12, "PATCH", 1, List.of("PUT", "POST", "DELETE"));
        Gen<String> sessionID =
                mostly(8, ALICE_SESSION, 2, List.of(ALICE_ODD_SESSION, BOB_SESSION, "Qmissing", "{\"$gt\":\"\"}"));
        Gen<String> authorization = mostly(8, "Bearer " + OWNER_TOKEN, 4, callers());
        List<String> contentTypes = List.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=UTF-8",
                "application/json; charset=utf-16",
                "application/json; charset=iso-8859-1",
                "application/json; charset=bogus",
                "application/merge-patch+json",
                "application/json-patch+json",
                "application/vnd.tachi+json",
                "text/plain",
                "text/html",
                "application/xml",
                "multipart/form-data; boundary=zz",
                "application/octet-stream",
                "garbage",
                "application/json; q=0.5; boundary=x",
                "*/*",
                "application/*",
                "text/*",
                "application/x-www-form-urlencoded",
                "multipart/form-data");
        Gen<String> contentType = mostly(8, "application/json", 3, contentTypes);
        return method.zip(sessionID, authorization, contentType, Bodies.any(), Patch::new);
    }

    /** The Authorization values of the guest, the owner, another user, and broken or unknown tokens. */
    static List<String> callers() {
        List<String> callers = new ArrayList<>();
        callers.add(null);
        callers.addAll(List.of(
                "Bearer " + READONLY_TOKEN,
                "Bearer " + BOB_TOKEN,
                "Bearer " + OWNER_TOKEN + " trailing",
                "Bearer " + BANNED_TOKEN,
                "Bearer unknown-token",
                "Bearer {\"$gt\":\"\"}",
                "Bearer",
                "Bearer ",
                "Bearer  " + OWNER_TOKEN,
                "bearer " + OWNER_TOKEN,
                "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
                OWNER_TOKEN));
        return callers;
    }

    RawHttp.Answer send(Patch patch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + patch.path()))
                .timeout(Duration.ofSeconds(30))
                .method(patch.method(), BodyPublishers.ofByteArray(patch.body()));
        if (patch.authorization() != null) {
            request.header("Authorization", patch.authorization());
        }
        if (patch.contentType() != null) {
            request.header("Content-Type", patch.contentType());
        }
        try {
            HttpResponse<byte[]> response =
                    http.sendAsync(request.build(), BodyHandlers.ofByteArray()).get(60, TimeUnit.SECONDS);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + response.statusCode());
            response.headers()
                    .map()
                    .forEach((name, values) -> values.forEach(
                            value -> head.append("\n").append(name).append(": ").append(value)));
            return new RawHttp.Answer(
                    response.statusCode(), response.headers().map(), response.body(), head.toString());
        } catch (Exception failure) {
            return new RawHttp.Answer(-1, Map.of(), new byte[0], "no answer: " + failure);
        }
    }
}
