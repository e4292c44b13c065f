package org.tachi.sessions.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated request bodies: PATCH-shaped JSON objects (the fields a PATCH may change, the fields it
 * must never change, MongoDB operators as keys and values, duplicate keys), any JSON, deep nesting,
 * huge strings, lone surrogates, invalid UTF-8 and randomly mutated bytes.
 */
final class Bodies {

    private Bodies() {}

    /** Keys a client must never be able to set (mass assignment), and MongoDB's update and query operators. */
    static final List<String> FORBIDDEN_KEYS = List.of(
            "userID",
            "sessionID",
            "scoreIDs",
            "game",
            "playtype",
            "timeStarted",
            "timeEnded",
            "timeInserted",
            "calculatedData",
            "importType",
            "_id",
            "$set",
            "$unset",
            "$inc",
            "$push",
            "$rename",
            "$setOnInsert",
            "$currentDate",
            "$where",
            "$gt",
            "$ne",
            "$regex",
            "$expr",
            "$",
            "$$ROOT",
            "name.first",
            "name.$",
            "desc.0",
            "scoreIDs.0",
            "__proto__",
            "constructor",
            "NAME",
            " name",
            "name\u0000",
            "");

    private static final List<String> OPERATOR_VALUES = List.of(
            "{\"$gt\":\"\"}",
            "{\"$ne\":null}",
            "{\"$set\":{\"userID\":2}}",
            "{\"$set\":{\"name\":\"pwned by operator\"}}",
            "{\"$unset\":\"\"}",
            "{\"$where\":\"sleep(100)\"}",
            "{\"$regex\":\".*\"}",
            "{\"$numberLong\":\"1\"}",
            "{\"$date\":0}",
            "{\"$oid\":\"000000000000000000000000\"}",
            "[{\"$set\":{\"userID\":2}}]",
            "\"$set\"",
            "\"$$ROOT\"");

    private static final List<String> SPECIAL_STRINGS = List.of(
            "",
            "a",
            "ab",
            "abc",
            "a".repeat(80),
            "a".repeat(81),
            "a".repeat(120),
            "a".repeat(121),
            "\ud800",
            "abc\udc00def",
            "\udbff\udfff\udbff\udfff",
            "\ud83c\udfb5\ud83c\udfb5",
            "\u0000abc",
            "abc\u202edef",
            "\ufeffabc",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "'; db.dropDatabase(); '",
            "$where",
            "{\"$gt\":\"\"}",
            "org.springframework.Exception at com.mongodb.Driver",
            "\\u0041bc",
            " \t\n ");

    /** Any body a fuzzer would send to PATCH. */
    static Gen<byte[]> any() {
        return Generate.frequency(
                Pair.of(12, patchObject().map(Bodies::utf8)),
                Pair.of(3, jsonValue(3).map(Bodies::utf8)),
                Pair.of(4, mutated()),
                Pair.of(2, invalidUtf8()),
                Pair.of(2, deepNesting()),
                Pair.of(
                        2,
                        Generate.pick(List.of(
                                        "",
                                        " ",
                                        "null",
                                        "[]",
                                        "{}",
                                        "\"s\"",
                                        "1",
                                        "true",
                                        "\ufeff{\"name\":\"abc\"}",
                                        "{\"name\":\"abc\"}garbage",
                                        "{\"name\":\"abc\"}{\"name\":\"def\"}",
                                        "{'name':'abc'}",
                                        "{name:\"abc\"}",
                                        "{\"name\":NaN}",
                                        "{\"name\":\"abc\",}",
                                        "/*x*/{\"name\":\"abc\"}",
                                        "{\"highlight\":1e400}",
                                        "{\"name\":\"" + "1".repeat(3000) + "\"}",
                                        "{\"highlight\":" + "9".repeat(5000) + "}",
                                        "{\"" + "k".repeat(60_000) + "\":1}"))
                                .map(Bodies::utf8)),
                Pair.of(1, huge()));
    }

    /** A JSON object shaped like a PATCH: allowed fields, forbidden fields and operators, keys repeated. */
    static Gen<String> patchObject() {
        Gen<String> member = Generate.frequency(
                Pair.of(4, Generate.constant("name").zip(nameValue(), Bodies::member)),
                Pair.of(3, Generate.constant("desc").zip(descValue(), Bodies::member)),
                Pair.of(3, Generate.constant("highlight").zip(highlightValue(), Bodies::member)),
                Pair.of(3, Generate.pick(FORBIDDEN_KEYS).zip(forbiddenValue(), Bodies::member)),
                Pair.of(1, key().zip(jsonValue(2), Bodies::member)));
        return lists().of(member).ofSizeBetween(0, 6).map(members -> "{" + String.join(",", members) + "}");
    }

    static Gen<String> nameValue() {
        return Generate.frequency(
                Pair.of(6, validText(3, 80).map(Bodies::quote)),
                Pair.of(2, Generate.pick(SPECIAL_STRINGS).map(Bodies::quote)),
                Pair.of(2, Generate.pick(OPERATOR_VALUES)),
                Pair.of(1, jsonValue(2)));
    }

    static Gen<String> descValue() {
        return Generate.frequency(
                Pair.of(5, validText(3, 120).map(Bodies::quote)),
                Pair.of(1, Generate.constant("null")),
                Pair.of(2, Generate.pick(SPECIAL_STRINGS).map(Bodies::quote)),
                Pair.of(2, Generate.pick(OPERATOR_VALUES)),
                Pair.of(1, jsonValue(2)));
    }

    static Gen<String> highlightValue() {
        return Generate.frequency(
                Pair.of(6, Generate.pick(List.of("true", "false"))),
                Pair.of(2, Generate.pick(List.of("\"true\"", "1", "0", "null", "[]", "{}", "-0", "1e400"))),
                Pair.of(2, Generate.pick(OPERATOR_VALUES)));
    }

    static Gen<String> forbiddenValue() {
        return Generate.frequency(
                Pair.of(
                        3,
                        Generate.pick(List.of("2", "3", "\"QfuzzBob\"", "[]", "[\"T999\"]", "null", "0", "\"iidx\""))),
                Pair.of(3, Generate.pick(OPERATOR_VALUES)),
                Pair.of(
                        1,
                        Generate.pick(List.of("name", "desc", "highlight", "userID"))
                                .zip(nameValue(), (key, value) -> "{" + member(key, value) + "}")),
                Pair.of(1, jsonValue(2)));
    }

    /** Text a PATCH may store: letters, digits, punctuation, and now and then any BMP character. */
    static Gen<String> validText(int min, int max) {
        return Generate.frequency(
                Pair.of(4, strings().basicLatinAlphabet().ofLengthBetween(min, max)),
                Pair.of(1, strings().basicMultilingualPlaneAlphabet().ofLengthBetween(min, max)));
    }

    static Gen<String> key() {
        return Generate.oneOf(
                Generate.pick(FORBIDDEN_KEYS),
                Generate.pick(List.of("name", "desc", "highlight")),
                strings().allPossible().ofLengthBetween(0, 12));
    }

    /** Any JSON value, nesting at most {@code depth} levels. */
    static Gen<String> jsonValue(int depth) {
        Gen<String> scalar = Generate.oneOf(
                Generate.pick(SPECIAL_STRINGS).map(Bodies::quote),
                strings().allPossible().ofLengthBetween(0, 20).map(Bodies::quote),
                integers().all().map(i -> Integer.toString(i)),
                Generate.pick(List.of(
                        "true",
                        "false",
                        "null",
                        "-0",
                        "0.1",
                        "1e308",
                        "-1e-400",
                        "9007199254740993",
                        "123456789012345678901234567890")));
        if (depth == 0) {
            return scalar;
        }
        Gen<String> array = lists().of(jsonValue(depth - 1))
                .ofSizeBetween(0, 4)
                .map(values -> "[" + String.join(",", values) + "]");
        Gen<String> object = lists().of(key().zip(jsonValue(depth - 1), Bodies::member))
                .ofSizeBetween(0, 4)
                .map(members -> "{" + String.join(",", members) + "}");
        return Generate.frequency(Pair.of(4, scalar), Pair.of(1, array), Pair.of(2, object));
    }

    /** Deep arrays or objects, closed or not, from shallow to far beyond any parser's limit. */
    static Gen<byte[]> deepNesting() {
        return Generate.pick(List.of(10, 100, 999, 1000, 1001, 5_000, 100_000))
                .zip(Generate.booleans(), Generate.booleans(), (depth, objects, closed) -> {
                    String open = objects ? "{\"name\":" : "[";
                    String close = objects ? "}" : "]";
                    return utf8(open.repeat(depth) + "\"abcd\"" + (closed ? close.repeat(depth) : ""));
                });
    }

    /** A PATCH body with a few bytes flipped, inserted, deleted, or cut off. */
    static Gen<byte[]> mutated() {
        Gen<int[]> edit = lists().of(integers().between(0, Integer.MAX_VALUE))
                .ofSize(3)
                .map(values -> values.stream().mapToInt(Integer::intValue).toArray());
        return patchObject().zip(lists().of(edit).ofSizeBetween(1, 5), (json, edits) -> {
            byte[] bytes = utf8(json);
            for (int[] e : edits) {
                bytes = mutate(bytes, e[0] % 4, e[1], (byte) e[2]);
            }
            return bytes;
        });
    }

    private static byte[] mutate(byte[] bytes, int kind, int position, byte value) {
        int at = bytes.length == 0 ? 0 : position % bytes.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (kind) {
            case 0 -> {
                byte[] copy = bytes.clone();
                if (copy.length > 0) {
                    copy[at] = value;
                }
                return copy;
            }
            case 1 -> {
                out.write(bytes, 0, at);
                out.write(value);
                out.write(bytes, at, bytes.length - at);
            }
            case 2 -> {
                out.write(bytes, 0, at);
                if (at + 1 <= bytes.length) {
                    out.write(bytes, Math.min(at + 1, bytes.length), bytes.length - Math.min(at + 1, bytes.length));
                }
            }
            default -> {
                return Arrays.copyOf(bytes, at);
            }
        }
        return out.toByteArray();
    }

    /** A name or desc whose string holds a byte sequence that is not UTF-8. */
    static Gen<byte[]> invalidUtf8() {
        List<byte[]> sequences = List.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc3, 0x28},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xed, (byte) 0xbf, (byte) 0xbf},
                new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        return Generate.pick(List.of("name", "desc", "highlight")).zip(Generate.pick(sequences), (field, bad) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(utf8("{\"" + field + "\":\"ab"));
            out.writeBytes(bad);
            out.writeBytes(utf8("cd\"}"));
            return out.toByteArray();
        });
    }

    /** Big strings, numbers and keys, up to just over the 4 MB body limit. */
    static Gen<byte[]> huge() {
        return Generate.pick(List.of(10_000, 100_000, 1_000_000, 4 * 1024 * 1024 + 1))
                .zip(
                        Generate.pick(List.of("name", "desc", "key")),
                        (size, where) -> utf8(
                                switch (where) {
                                    case "key" -> "{\"" + "k".repeat(size) + "\":true,\"highlight\":true}";
                                    default -> "{\"" + where + "\":\"" + "x".repeat(size) + "\"}";
                                }));
    }

    static String member(String key, String value) {
        return quote(key) + ":" + value;
    }

    /** A JSON string literal; control characters and unpaired surrogates are written as \\u escapes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
