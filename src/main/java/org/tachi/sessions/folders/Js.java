package org.tachi.sessions.folders;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JavaScript semantics Tachi's folder-raises code applies to stored enum indexes, which are normally
 * small integers but are read unchecked: a missing index is {@code undefined} (never "smaller", nothing is
 * greater than it), {@code null} counts as 0, a numeric string compares as a number, and
 * {@code Array.prototype.slice} clamps and truncates its bounds (NaN is 0).
 */
final class Js {

    /** A missing field, which JavaScript tells apart from a stored null. */
    static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");

    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");

    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9]\\d*");

    private Js() {}

    /** {@code container[key]}, with {@link #UNDEFINED} for a key that is not there. */
    static Object get(Map<String, ?> container, String key) {
        return container.containsKey(key) ? container.get(key) : UNDEFINED;
    }

    /** JavaScript's ToNumber on a stored value (documents and arrays are not indexes: NaN). */
    static double toNumber(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (text.isEmpty()) {
                return 0;
            }
            if (HEX.matcher(text).matches()) {
                return Long.parseLong(text.substring(2), 16);
            }
            return DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        }
        return Double.NaN;
    }

    /** {@code a < b}: strings compare as strings, anything else as numbers (NaN: false). */
    static boolean lessThan(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y) < 0;
        }
        return toNumber(a) < toNumber(b);
    }

    /** {@code a + 1}: concatenation for a string, addition otherwise. */
    static Object plusOne(Object a) {
        return a instanceof String s ? s + "1" : toNumber(a) + 1;
    }

    /** {@code values[index]}: only a number or a canonical numeric string names an element. */
    static <T> T element(List<T> values, Object index) {
        double position;
        if (index instanceof Number n) {
            position = n.doubleValue();
        } else if (index instanceof String s && ARRAY_INDEX.matcher(s).matches() && s.length() < 10) {
            position = Long.parseLong(s);
        } else {
            return null;
        }
        return position >= 0 && position < values.size() && position == Math.rint(position)
                ? values.get((int) position)
                : null;
    }

    /** {@code values.slice(start, end)}, both bounds converted with ToNumber. */
    static <T> List<T> slice(List<T> values, Object start, Object end) {
        int from = sliceBound(toNumber(start), values.size());
        int to = sliceBound(toNumber(end), values.size());
        return from < to ? values.subList(from, to) : List.of();
    }

    private static int sliceBound(double relative, int length) {
        double integer = Double.isNaN(relative) ? 0 : relative < 0 ? Math.ceil(relative) : Math.floor(relative);
        if (integer < 0) {
            return (int) Math.max(length + integer, 0);
        }
        return (int) Math.min(integer, length);
    }
}
