package org.tachi.sessions.cookie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tachi's recorded answers (src/test/resources/tachi-cookie-sessions/samples.json, a copy of
 * shared/data/tachi-cookie-sessions, recorded from Tachi's own server with {@code NAME = "Tachi FR"}).
 */
final class CookieSamples {

    static final String NAME = "Tachi FR";

    static final String SECRET = "folder-raises-cookie-secret";

    static final JsonNode ROOT = load();

    private CookieSamples() {}

    /** One recorded request and Tachi's answer. */
    record Step(JsonNode node) {

        String method() {
            return node.at("/request/method").asString();
        }

        String path() {
            return node.at("/request/path").asString();
        }

        /** The headers that mean something to this service (Tachi's proxy header does not). */
        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            node.at("/request/headers").properties().forEach(header -> {
                if (!header.getKey().equals("x-forwarded-proto")) {
                    headers.put(header.getKey(), header.getValue().asString());
                }
            });
            return headers;
        }

        String body() {
            JsonNode body = node.at("/request/body");
            return body.isMissingNode() ? "" : body.toString();
        }

        int status() {
            return node.at("/response/status").asInt();
        }

        String description() {
            return node.at("/response/body/description").asString();
        }
    }

    static Step step(String name) {
        for (JsonNode step : ROOT.get("steps")) {
            if (step.get("step").asString().equals(name)) {
                return new Step(step);
            }
        }
        throw new IllegalArgumentException("no sample step named " + name);
    }

    static String text(String pointer) {
        return ROOT.at(pointer).asString();
    }

    /** A JSON object of the samples as a BSON document, for the test database. */
    static Document document(String pointer) {
        Document document = Document.parse(ROOT.at(pointer).toString());
        document.remove("_id");
        return document;
    }

    private static JsonNode load() {
        try (InputStream in = CookieSamples.class.getResourceAsStream("/tachi-cookie-sessions/samples.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
