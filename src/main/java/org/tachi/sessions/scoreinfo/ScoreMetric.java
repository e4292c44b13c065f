package org.tachi.sessions.scoreinfo;

import java.util.List;
import java.util.Objects;

/**
 * One metric a session delta is computed for ({@code scoreMetrics} in gpt-metrics.json).
 *
 * @param values               for ENUM metrics the enum's strings in index order; empty for numeric metrics
 * @param minimumRelevantValue for ENUM metrics the lowest value Tachi treats as an achievement (folder
 *                             raises start there); null for numeric metrics
 */
public record ScoreMetric(String name, Type type, List<String> values, String minimumRelevantValue) {

    public enum Type {
        DECIMAL,
        INTEGER,
        ENUM
    }

    public ScoreMetric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = values == null ? List.of() : List.copyOf(values);
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("ENUM metric " + name + " has no values");
        }
        if (type == Type.ENUM && !values.contains(minimumRelevantValue)) {
            throw new IllegalArgumentException("ENUM metric " + name + " has no minimumRelevantValue among its values");
        }
    }

    /** Tachi's {@code values.indexOf(minimumRelevantValue)}, for an ENUM metric. */
    public int minimumRelevantIndex() {
        return values.indexOf(minimumRelevantValue);
    }
}
