package org.tachi.sessions.cookie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    /** The session of the samples' {@code cookie_alice}, user 1. */
    static final String ALICE_SESSION = "Qbb70b69fc64a383c064a37c87591328c79dcf3e0";

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

    /**
     * Alice (user 1, named {@code username}), her session (without scores) and a Bearer token
     * {@code owner} of hers with {@code customise_session}: enough to PATCH that session with her
     * cookie or with the token.
     */
    static void insertAliceWithBearerToken(MongoTemplate mongo, String username) {
        mongo.getCollection("users")
                .insertOne(new Document("id", 1).append("username", username).append("authLevel", 1));
        mongo.getCollection("sessions")
                .insertOne(new Document("sessionID", ALICE_SESSION)
                        .append("userID", 1)
                        .append("name", "Evening")
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", List.of()));
        mongo.getCollection("api-tokens")
                .insertOne(new Document("token", "owner")
                        .append("userID", 1)
                        .append("permissions", new Document("customise_session", true)));
    }

    private static JsonNode load() {
        try (InputStream in = CookieSamples.class.getResourceAsStream("/tachi-cookie-sessions/samples.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
