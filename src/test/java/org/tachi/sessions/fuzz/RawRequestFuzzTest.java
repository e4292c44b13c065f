package org.tachi.sessions.fuzz;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.tachi.sessions.fuzz.Gens.mostly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Requests written byte by byte on a plain socket, so they can be anything a client can send:
 * unknown methods and versions, paths with encoded and raw characters, dot segments and great
 * length, {@code Content-Type}, {@code Accept} and {@code Authorization} values with control
 * characters, chunked bodies with broken chunk lines, conflicting lengths. Pins the same answer
 * and database properties as {@link PatchBodyFuzzTest}, down to Tomcat's own rejections.
 */
class RawRequestFuzzTest extends FuzzTarget {

    record Raw(String method, String target, String version, List<String> headers, byte[] body, String framing) {

        String authorization() {
            return headers.stream()
                    .filter(h -> h.startsWith("Authorization: "))
                    .map(h -> h.substring("Authorization: ".length()))
                    .reduce((first, second) -> null)
                    .orElse(null);
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(latin1Bytes(method + " " + target + " " + version + "\r\n"));
            for (String header : headers) {
                out.writeBytes(latin1Bytes(header + "\r\n"));
            }
            switch (framing) {
                case "length" -> out.writeBytes(latin1Bytes("Content-Length: " + body.length + "\r\n"));
                case "chunked", "bad-chunk" -> out.writeBytes(latin1Bytes("Transfer-Encoding: chunked\r\n"));
                case "length+chunked" ->
                    out.writeBytes(
                            latin1Bytes("Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n"));
                case "two-lengths" ->
                    out.writeBytes(latin1Bytes(
                            "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1) + "\r\n"));
                default -> {}
            }
            out.writeBytes(latin1Bytes("Connection: close\r\n\r\n"));
            switch (framing) {
                case "chunked", "length+chunked" -> {
                    int chunk = Math.max(1, Math.min(8192, (body.length + 1) / 2));
                    for (int at = 0; at < body.length; at += chunk) {
                        int size = Math.min(chunk, body.length - at);
                        out.writeBytes(latin1Bytes(Integer.toHexString(size) + "\r\n"));
                        out.write(body, at, size);
                        out.writeBytes(latin1Bytes("\r\n"));
                    }
                    out.writeBytes(latin1Bytes("0\r\n\r\n"));
                }
                case "bad-chunk" -> out.writeBytes(latin1Bytes("zz\r\n" + latin1(body) + "\r\n0\r\n\r\n"));
                case "length", "two-lengths" -> out.writeBytes(body);
                default -> {}
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return latin1(bytes());
        }
    }

    @Test
    void rawRequestsWithGeneratedMethodsVersionsHeadersAndFramingAnswerTheEnvelope() {
        Gen<Raw> requests = methods()
                .zip(
                        versions(),
                        headerLists(),
                        bodyAndFraming(),
                        (method, version, headers, body) -> new Raw(
                                method, "/api/v1/sessions/" + ALICE_SESSION, version, headers, body._1, body._2));
        qt().withExamples(EXAMPLES).forAll(requests).checkAssert(this::exchange);
    }

    @Test
    void rawRequestsToGeneratedPathsAnswerTheEnvelope() {
        Gen<Raw> requests = Generate.pick(List.of("GET", "GET", "PATCH", "HEAD", "DELETE", "OPTIONS"))
                .zip(Paths.any(), Generate.pick(callers()), (method, path, authorization) -> {
                    List<String> headers = new ArrayList<>(List.of("Host: localhost"));
                    if (authorization != null) {
                        headers.add("Authorization: " + authorization);
                    }
                    boolean patch = method.equals("PATCH");
                    if (patch) {
                        headers.add("Content-Type: application/json");
                    }
                    byte[] body = patch ? Bodies.utf8("{\"name\":\"Renamed by path\"}") : new byte[0];
                    return new Raw(method, path, "HTTP/1.1", headers, body, patch ? "length" : "none");
                });
        qt().withExamples(EXAMPLES).forAll(requests).checkAssert(this::exchange);
    }

    private void exchange(Raw request) {
        RawHttp.Answer answer;
        try {
            answer = RawHttp.exchange(port, request.bytes());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        String path = request.target();
        verify(request.toString(), request.method().equals("HEAD"), path, answer, mayChange(request.authorization()));
    }

    static Gen<String> methods() {
        List<String> methods = List.of(
                "GET",
                "HEAD",
                "POST",
                "PUT",
                "DELETE",
                "TRACE",
                "OPTIONS",
                "patch",
                "Patch",
                "get",
                "FOO",
                "PROPFIND",
                "BREW",
                "CONNECT",
                "M".repeat(300));
        return mostly(6, "PATCH", 4, methods);
    }

    static Gen<String> versions() {
        List<String> versions = List.of(
                "HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/9.9", "HTTZ/1.1", "HTTP/1.1 x", "http/1.1");
        return mostly(9, "HTTP/1.1", 1, versions);
    }

    /** {@link PatchBodyFuzzTest#callers()} and values only a raw socket can send. */
    static List<String> callers() {
        List<String> callers = PatchBodyFuzzTest.callers();
        callers.addAll(List.of(
                "Bearer " + OWNER_TOKEN + "\u0001",
                "Bearer " + OWNER_TOKEN + "\u007f",
                "Bearer " + OWNER_TOKEN + "\u0000",
                "Bearer " + OWNER_TOKEN + "\u001b[2J",
                "Bearer " + "t".repeat(9000),
                "Bearer\t" + OWNER_TOKEN,
                "Bearer " + OWNER_TOKEN + "\u00ff",
                "Bearer caf\u00e9",
                "Bearer " + "t".repeat(6000),
                "Bearer " + OWNER_TOKEN + ", Bearer " + BOB_TOKEN));
        return callers;
    }

    static Gen<List<String>> headerLists() {
        List<String> contentTypes = List.of(
                "application/json",
                "application/json; charset=utf-8",
                "application/json; charset=\"utf-8\"",
                "application/json; charset=bogus",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=zz",
                "",
                "garbage",
                ";;;",
                "application/json; " + "p=v; ".repeat(200),
                "application/json\u0001",
                "*/*",
                "application/*",
                "application/x-www-form-urlencoded",
                "multipart/form-data");
        List<String> accepts = List.of(
                "application/json",
                "*/*",
                "application/*",
                "application/json, */*;q=0.1",
                "application/json\u0001",
                "text/html",
                "application/xml",
                "image/png",
                "text/html, application/json;q=0.9",
                "application/json;q=0",
                "",
                "garbage",
                "*/*;q=0");
        List<String> extras = List.of(
                "Accept-Encoding: gzip",
                "Accept-Encoding: gzip;q=0, identity",
                "Origin: http://evil.example",
                "X-Forwarded-For: 127.0.0.1, ::1, garbage",
                "Cookie: JSESSIONID=abc; connect.sid=s%3Axyz",
                "Range: bytes=0-1",
                "X-HTTP-Method-Override: DELETE",
                "Content-Encoding: gzip",
                "X-Request-ID: \u00ff" + "r".repeat(300),
                // an obsolete line folding: it continues the header before it (Accept, Authorization, ...)
                " folded: continuation",
                "Expect: 100-continue",
                "X-Request-ID: \u0001",
                "X-Padding: " + "p".repeat(9000),
                "Bad Header: space in name",
                "NoColon");
        Gen<String> contentType = Generate.pick(contentTypes).map(value -> "Content-Type: " + value);
        Gen<String> accept = Generate.pick(accepts).map(value -> "Accept: " + value);
        Gen<String> authorization = mostly(3, "Bearer " + OWNER_TOKEN, 2, callers());
        // HTTP/1.1 without Host is Tomcat's own 400
        Gen<Boolean> host = Generate.booleans();
        return host.zip(contentType, accept, authorization, (withHost, type, acceptValue, auth) -> {
                    List<String> headers = new ArrayList<>();
                    if (withHost) {
                        headers.add("Host: localhost");
                    }
                    headers.add(type);
                    headers.add(acceptValue);
                    if (auth != null) {
                        headers.add("Authorization: " + auth);
                    }
                    return headers;
                })
                .zip(lists().of(Generate.pick(extras)).ofSizeBetween(0, 2), (headers, more) -> {
                    List<String> all = new ArrayList<>(headers);
                    all.addAll(more);
                    return all;
                });
    }

    static Gen<Pair<byte[], String>> bodyAndFraming() {
        List<String> framings = List.of(
                "none",
                "chunked",
                // Tomcat refuses both (request smuggling), rightly, with its own 400
                "length+chunked",
                "two-lengths",
                "bad-chunk");
        Gen<String> framing = mostly(6, "length", 3, framings);
        return Bodies.any().zip(framing, Pair::of);
    }

    static byte[] latin1Bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
