package org.tachi.sessions.scoreinfo;

import java.util.List;
import java.util.Objects;

/**
 * One metric a session delta is computed for ({@code scoreMetrics} in gpt-metrics.json).
 *
 * @param values for ENUM metrics the enum's strings in index order; empty for numeric metrics
 */
public record ScoreMetric(String name, Type type, List<String> values) {

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
    }
}
