package org.tachi.sessions.session;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.tachi.sessions.envelope.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A validated PATCH body: only the fields a session owner may change, each checked as Tachi's
 * validator does. Unknown keys are ignored; a wrong type is a 400 and never reaches the database.
 */
record SessionChanges(Document fields) {

    private static final int RECEIVED_LIMIT = 100;

    static SessionChanges from(@Nullable JsonNode body) {
        Document fields = new Document();
        if (body == null) {
            return new SessionChanges(fields);
        }
        if (!body.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Your request body must be a JSON object.");
        }
        JsonNode name = body.get("name");
        if (name != null) {
            fields.put("name", boundedString("name", name, 3, 80, false));
        }
        JsonNode desc = body.get("desc");
        if (desc != null) {
            fields.put("desc", boundedString("desc", desc, 3, 120, true));
        }
        JsonNode highlight = body.get("highlight");
        if (highlight != null) {
            if (!highlight.isBoolean()) {
                throw invalid("highlight", "Expected a boolean.", highlight);
            }
            fields.put("highlight", highlight.booleanValue());
        }
        return new SessionChanges(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static @Nullable String boundedString(String key, JsonNode value, int min, int max, boolean nullable) {
        if (nullable && value.isNull()) {
            return null;
        }
        if (value.isString()) {
            String text = value.stringValue();
            if (text.length() >= min && text.length() <= max) {
                return text;
            }
        }
        String expected =
                "Expected a string between " + min + " and " + max + " characters" + (nullable ? ", or null." : ".");
        throw invalid(key, expected, value);
    }

    /** Tachi's validation message: the field in brackets, then what was received, truncated. */
    private static ApiException invalid(String key, String expected, JsonNode received) {
        String shown = received.isString() ? received.stringValue() : received.toString();
        if (shown.length() > RECEIVED_LIMIT) {
            shown = shown.substring(0, RECEIVED_LIMIT) + "...";
        }
        return new ApiException(HttpStatus.BAD_REQUEST, "[" + key + "] " + expected + " (Received " + shown + ")");
    }
}
