package org.tachi.sessions.scoreinfo;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

/**
 * MongoDB's ascending sort order, for sorting earlier scores in memory exactly as Tachi's queries sort them.
 * Types rank as in BSON comparison order (null/missing, numbers, strings, documents, arrays, binary,
 * ObjectId, booleans, dates, anything else); numbers compare by value whatever their BSON type, and NaN
 * sorts below every other number. Values of the same non-scalar type compare equal, which leaves them
 * in their given order: scores only ever hold numbers (or null) where this service sorts.
 */
final class BsonOrder {

    static final Comparator<Object> ASCENDING = BsonOrder::compare;
    static final Comparator<Object> DESCENDING = ASCENDING.reversed();

    private BsonOrder() {}

    private static int compare(Object a, Object b) {
        int byType = Integer.compare(typeRank(a), typeRank(b));
        if (byType != 0) {
            return byType;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof Date x && b instanceof Date y) {
            return x.compareTo(y);
        }
        return 0;
    }

    /** Compares int32, int64 and double values as MongoDB does: by value, NaN lowest, -0 equal to 0. */
    static int compareNumbers(Number a, Number b) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Boolean.compare(!Double.isNaN(x), !Double.isNaN(y));
        }
        if (isIntegral(a) && isIntegral(b)) {
            // int64 values beyond 2^53 would collide as doubles
            return Long.compare(a.longValue(), b.longValue());
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long;
    }

    /** BSON comparison order after null/missing; a type not listed ranks last. */
    private static final List<List<Class<?>>> TYPE_ORDER = List.of(
            List.of(Number.class),
            List.of(String.class),
            List.of(Map.class),
            List.of(List.class),
            List.of(Binary.class, byte[].class),
            List.of(ObjectId.class),
            List.of(Boolean.class),
            List.of(Date.class));

    private static int typeRank(Object v) {
        if (v == null) {
            return 0;
        }
        for (int rank = 0; rank < TYPE_ORDER.size(); rank++) {
            for (Class<?> type : TYPE_ORDER.get(rank)) {
                if (type.isInstance(v)) {
                    return rank + 1;
                }
            }
        }
        return TYPE_ORDER.size() + 1;
    }
}
