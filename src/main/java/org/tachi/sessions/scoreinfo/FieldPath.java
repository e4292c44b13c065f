package org.tachi.sessions.scoreinfo;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * A dotted MongoDB field path such as {@code scoreData.enumIndexes.lamp}, resolved in memory the way a
 * query resolves it on embedded documents.
 */
public record FieldPath(List<String> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /** Reads the dotted form used in gpt-metrics.json ({@code selectField}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FieldPath parse(String dotted) {
        return new FieldPath(List.of(dotted.split("\\.")));
    }

    public static FieldPath of(String... segments) {
        return new FieldPath(List.of(segments));
    }

    /** The value at this path, or {@code null} when it is null or missing (MongoDB sorts both alike). */
    public Object valueIn(Map<String, ?> document) {
        Object value = document;
        for (String segment : segments) {
            if (!(value instanceof Map<?, ?> embedded)) {
                return null;
            }
            value = embedded.get(segment);
        }
        return value;
    }
}
