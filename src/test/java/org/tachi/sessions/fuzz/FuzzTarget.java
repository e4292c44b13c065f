package org.tachi.sessions.fuzz;

import static org.assertj.core.api.Assertions.fail;
import static org.tachi.sessions.support.TachiDocuments.scoreData;
import static org.tachi.sessions.support.TachiDocuments.sdvxScore;
import static org.tachi.sessions.support.TachiDocuments.sdvxSession;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.Callers;
import org.tachi.sessions.support.MongoIntegrationTest;
import org.tachi.sessions.support.SecurityHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service over a real socket on the test database, seeded with two users' sessions and tokens,
 * and the checks every fuzzed answer must pass:
 *
 * <ul>
 *   <li>the status is 2xx or 4xx, never 5xx (nor 1xx/3xx);
 *   <li>the body is the envelope: a JSON object with a boolean {@code success} (true exactly for 2xx)
 *       and a string {@code description} (HEAD answers have no body; Boot's own {@code /actuator}
 *       bodies are exempt);
 *   <li>the security headers are there, and no {@code Server} or {@code X-Powered-By};
 *   <li>an error leaks nothing: no stack trace, exception, class or package name, driver message
 *       (unless the request itself carried that text, which a validation message may echo);
 *   <li>the database, read straight from MongoDB, changed only in a session's {@code name},
 *       {@code desc} or {@code highlight}, only with a 200, and only in a session the request's token
 *       may change; the answer holds exactly what was stored.
 * </ul>
 *
 * Examples per property: system property {@code tachi.fuzz.examples} (80; {@code -Pfuzz} 3,400, i.e. 10,200 requests).
 * With {@code -Dtachi.fuzz.survey=true} failures are counted by class into target/fuzz-survey.txt instead of failing
 * at the first one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class FuzzTarget extends MongoIntegrationTest {

    static final int EXAMPLES = Integer.getInteger("tachi.fuzz.examples", 80);

    static final boolean SURVEY = Boolean.getBoolean("tachi.fuzz.survey");

    static final String OWNER_TOKEN = "fuzz-owner-customise";
    static final String READONLY_TOKEN = "fuzz-owner-readonly";
    static final String BOB_TOKEN = "fuzz-bob-customise";
    static final String BANNED_TOKEN = "fuzz-banned-customise";

    static final String ALICE_SESSION = "QfuzzAlice";
    static final String ALICE_ODD_SESSION = "Qfuzz \u00fc+.x";
    static final String BOB_SESSION = "QfuzzBob";

    /** Text that only an internal failure would put in an answer. */
    static final List<String> LEAK_MARKERS = List.of(
            "Exception",
            "Error:",
            "org.",
            "com.mongodb",
            "de.bwaldvogel",
            "tools.jackson",
            "jakarta.",
            "java.",
            "Caused by",
            "\tat ",
            "Tomcat",
            "Apache",
            "<html",
            "errmsg",
            "E11000",
            "codeName",
            "BSON");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Survey> SURVEYED = new TreeMap<>();

    @LocalServerPort
    int port;

    /** The database as the last allowed change left it. */
    private Map<String, List<Document>> expected;

    /** Thousands of requests: the per-request INFO log and Spring's WARN per unknown route would drown the build log. */
    private static final List<String> NOISY_LOGGERS =
            List.of("org.tachi.sessions.requests", "org.springframework.web.servlet.PageNotFound");

    @BeforeEach
    void quietRequestLogs() {
        NOISY_LOGGERS.forEach(
                logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, LogLevel.ERROR));
    }

    @AfterEach
    void restoreRequestLogs() {
        NOISY_LOGGERS.forEach(
                logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, null));
    }

    @BeforeEach
    void seed() {
        Callers.insert(mongo, "mallory", token -> "fuzz", OWNER_TOKEN, READONLY_TOKEN, BOB_TOKEN, BANNED_TOKEN);
        insert("scores", sdvxScore("T1", 1, "c1", 2000L, scoreData(9_000_000, "CLEAR", 1, "AA", 5)));
        insert("songs-sdvx", new Document("id", 1).append("title", "A song"));
        insert("charts-sdvx", new Document("chartID", "c1").append("songID", 1).append("difficulty", "EXH"));
        insert("sessions", session(ALICE_SESSION, 1), session(ALICE_ODD_SESSION, 1), session(BOB_SESSION, 2));
        expected = snapshot();
    }

    /** In survey mode, every class of failure seen so far, with examples, in target/fuzz-survey.txt. */
    @AfterEach
    void writeSurvey() throws java.io.IOException {
        if (SURVEY) {
            StringBuilder out = new StringBuilder();
            SURVEYED.forEach((kind, survey) -> out.append(
                    String.format("%6d x %s%n%s%n%n", survey.count, kind, String.join("\n---\n", survey.examples))));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/fuzz-survey.txt"), out);
        }
    }

    private static Document session(String sessionID, int userID) {
        return sdvxSession(sessionID, userID, "Evening of " + userID, List.of("T1"), 2000L)
                .append("timeEnded", 3000L)
                .append("calculatedData", new Document("VF6", 0.5));
    }

    /** The sessions a request with this {@code Authorization} value may change. */
    static Set<String> mayChange(String authorization) {
        if (authorization == null) {
            return Set.of();
        }
        // Tachi splits "<type> <token>" on single spaces: anything after the token is ignored.
        String[] parts = authorization.split(" ");
        if (parts.length < 2 || !"Bearer".equals(parts[0])) {
            return Set.of();
        }
        return switch (parts[1]) {
            case OWNER_TOKEN -> Set.of(ALICE_SESSION, ALICE_ODD_SESSION);
            case BOB_TOKEN -> Set.of(BOB_SESSION);
            default -> Set.of();
        };
    }

    /**
     * Checks one answer and the database after it; {@code request} describes what was sent (and is
     * the text a validation message may legitimately echo).
     */
    void verify(String request, boolean head, String path, RawHttp.Answer answer, Set<String> mayChange) {
        List<String> violations = new ArrayList<>();
        JsonNode envelope = checkAnswer(request, head, path, answer, violations);
        checkDatabase(answer, envelope, mayChange, violations);
        if (violations.isEmpty()) {
            return;
        }
        String report = "request:\n  " + printable(request, 1500) + "\nanswer:\n  " + printable(answer.raw(), 1500)
                + "\n  body: " + printable(answer.bodyText(), 800) + "\nviolations: " + violations;
        if (SURVEY) {
            String writer = answer.header("X-Request-Id") == null ? "before the filters" : "in the filters";
            String kind = answer.status() + " " + writer + " " + violations + " "
                    + answer.bodyText().length() + "B";
            Survey survey = SURVEYED.computeIfAbsent(kind, k -> new Survey());
            survey.count++;
            if (survey.examples.size() < 3) {
                survey.examples.add(report);
            }
            return;
        }
        fail(report);
    }

    private static JsonNode checkAnswer(
            String request, boolean head, String path, RawHttp.Answer answer, List<String> violations) {
        int status = answer.status();
        if (status < 200 || status >= 300 && status < 400 || status >= 500) {
            violations.add("status " + status);
        }
        if (status < 0) {
            return null;
        }
        SecurityHeaders.EXPECTED.forEach((name, value) -> {
            if (!value.equals(answer.header(name))) {
                violations.add("header " + name + ": " + answer.header(name));
            }
        });
        for (String header : List.of("Server", "X-Powered-By")) {
            if (answer.header(header) != null) {
                violations.add("header " + header + ": " + answer.header(header));
            }
        }
        if (head || path.startsWith("/actuator/") && status == 200) {
            return null;
        }
        if (status == 204) {
            // No Content (every OPTIONS, as Tachi answers it): the one answer that has no body at all.
            if (answer.body().length > 0) {
                violations.add("204 with a body");
            }
            return null;
        }
        JsonNode envelope = null;
        String contentType = Objects.requireNonNullElse(answer.header("Content-Type"), "");
        if (!contentType.startsWith("application/json")) {
            violations.add("Content-Type " + contentType);
        }
        try {
            envelope = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            violations.add("not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            violations.add("no envelope");
            return null;
        }
        JsonNode success = envelope.get("success");
        if (success == null || !success.isBoolean() || success.booleanValue() != (status < 300)) {
            violations.add("success " + success);
        }
        JsonNode description = envelope.get("description");
        if (description == null || !description.isString()) {
            violations.add("description " + description);
        }
        if (status >= 300) {
            String text = answer.bodyText();
            for (String marker : LEAK_MARKERS) {
                if (text.contains(marker) && !request.contains(marker)) {
                    violations.add("leaks " + marker);
                }
            }
        }
        return envelope;
    }

    private void checkDatabase(
            RawHttp.Answer answer, JsonNode envelope, Set<String> mayChange, List<String> violations) {
        Map<String, List<Document>> actual = snapshot();
        if (actual.equals(expected)) {
            return;
        }
        if (!actual.keySet().equals(expected.keySet())) {
            violations.add("collections changed: " + actual.keySet());
        }
        for (String collection : actual.keySet()) {
            if (!collection.equals("sessions") && !actual.get(collection).equals(expected.get(collection))) {
                violations.add(collection + " changed");
            }
        }
        List<Document> before = expected.getOrDefault("sessions", List.of());
        List<Document> after = actual.getOrDefault("sessions", List.of());
        if (before.size() != after.size()) {
            violations.add("sessions added or removed: " + after.size());
        } else {
            for (int i = 0; i < before.size(); i++) {
                checkSessionChange(before.get(i), after.get(i), answer, envelope, mayChange, violations);
            }
        }
        // judged once: the next request is compared with the database as this one left it
        expected = actual;
    }

    private static void checkSessionChange(
            Document before,
            Document after,
            RawHttp.Answer answer,
            JsonNode envelope,
            Set<String> mayChange,
            List<String> violations) {
        if (before.equals(after)) {
            return;
        }
        String sessionID = before.getString("sessionID");
        if (!mayChange.contains(sessionID) || answer.status() != 200) {
            violations.add("session " + sessionID + " changed by a " + answer.status() + ": " + after.toJson());
        }
        if (!new ArrayList<>(before.keySet()).equals(new ArrayList<>(after.keySet()))) {
            violations.add("session " + sessionID + " keys changed: " + after.keySet());
        }
        for (String key : before.keySet()) {
            boolean allowed = Set.of("name", "desc", "highlight").contains(key);
            if (!allowed && !Objects.equals(before.get(key), after.get(key))) {
                violations.add("session " + sessionID + " field " + key + " changed: " + after.get(key));
            }
        }
        if (!(after.get("name") instanceof String name && name.length() >= 3 && name.length() <= 80)) {
            violations.add("stored name invalid: " + after.get("name"));
        }
        Object desc = after.get("desc");
        if (desc != null && !(desc instanceof String text && text.length() >= 3 && text.length() <= 120)) {
            violations.add("stored desc invalid: " + desc);
        }
        if (!(after.get("highlight") instanceof Boolean)) {
            violations.add("stored highlight invalid: " + after.get("highlight"));
        }
        JsonNode body = envelope == null ? null : envelope.get("body");
        if (body == null
                || !sessionID.equals(body.path("sessionID").asString(null))
                || !after.getString("name").equals(body.path("name").asString(null))
                || !Objects.equals(
                        desc,
                        body.path("desc").isNull() ? null : body.path("desc").asString(null))
                || after.getBoolean("highlight") != body.path("highlight").asBoolean(false)) {
            violations.add("answer does not hold the stored session " + sessionID);
        }
    }

    /** Every collection's documents, in storage order. */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(mongo.getCollectionNames())) {
            all.put(
                    name,
                    mongo.getCollection(name)
                            .find()
                            .sort(new Document("_id", 1))
                            .into(new ArrayList<>()));
        }
        return all;
    }

    static String printable(String text, int limit) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n\n  ");
            } else if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return text.length() > limit ? out + "... (" + text.length() + " chars)" : out.toString();
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static final class Survey {

        final List<String> examples = new ArrayList<>();

        int count;
    }
}
