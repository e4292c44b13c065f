package org.tachi.sessions.scoreinfo;

import java.util.Map;

/**
 * Tachi computes deltas with JavaScript's {@code -} on document fields; this reproduces that arithmetic
 * on doubles, plus what {@code JSON.stringify} then does with the result.
 */
final class JsArithmetic {

    private JsArithmetic() {}

    /**
     * JavaScript's {@code minuend[key] - subtrahend[key]}, as it will appear in the JSON answer:
     * a Double, or null where JavaScript yields NaN or an infinity (JSON.stringify writes those as null).
     * A missing (null) container counts like a missing field: Tachi would throw there, we answer NaN.
     */
    static Double difference(Map<String, ?> minuend, Map<String, ?> subtrahend, String key) {
        double delta = toNumber(minuend, key) - toNumber(subtrahend, key);
        if (!Double.isFinite(delta)) {
            return null;
        }
        // JSON.stringify(-0) is "0"; a Double -0.0 would otherwise be written as "-0.0".
        return delta == 0 ? 0.0 : delta;
    }

    /** JavaScript's ToNumber on a document field: null is 0, a boolean 0 or 1, missing or non-numeric NaN. */
    static double toNumber(Map<String, ?> container, String key) {
        if (container == null || !container.containsKey(key)) {
            return Double.NaN;
        }
        Object value = container.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}
