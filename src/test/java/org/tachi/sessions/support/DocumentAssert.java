package org.tachi.sessions.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Deep equality of a stored document and what came back over JSON: same keys in the same order,
 * nulls kept, numbers equal as numbers (JSON has one number type; the byte-level spelling of
 * numbers is asserted separately).
 */
public final class DocumentAssert {

    private DocumentAssert() {}

    /** The JSON response parsed back with BSON's reader (integral numbers as int32/int64, others as double). */
    public static Document parse(String json) {
        return Document.parse(json);
    }

    public static void assertSameDocument(Object expected, Object actual) {
        assertSame("$", expected, actual);
    }

    private static void assertSame(String path, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> expectedMap) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<?, ?> actualMap = (Map<?, ?>) actual;
            List<Object> actualKeys = new ArrayList<>(actualMap.keySet());
            List<Object> expectedKeys = new ArrayList<>(expectedMap.keySet());
            assertThat(actualKeys).as(path + " keys").isEqualTo(expectedKeys);
            expectedMap.forEach((key, value) -> assertSame(path + "." + key, value, actualMap.get(key)));
        } else if (expected instanceof List<?> expectedList) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> actualList = (List<?>) actual;
            assertThat(actualList).as(path + " size").hasSameSizeAs(expectedList);
            for (int i = 0; i < expectedList.size(); i++) {
                assertSame(path + "[" + i + "]", expectedList.get(i), actualList.get(i));
            }
        } else if (expected instanceof Number expectedNumber) {
            assertThat(actual).as(path).isInstanceOf(Number.class);
            assertThat(new BigDecimal(actual.toString()))
                    .as(path)
                    .isEqualByComparingTo(new BigDecimal(expectedNumber.toString()));
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    public static Document withoutId(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return copy;
    }
}
