package org.tachi.sessions.fuzz;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.tachi.sessions.fuzz.Gens.mostly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated request targets: the session route and its neighbours, with session IDs that exist,
 * encoded characters (separators, NUL, percent, overlong and broken UTF-8), dot segments, raw
 * non-ASCII bytes, path parameters, MongoDB operators, query strings, and great length.
 */
final class Paths {

    /** Where a target starts: the session route, its neighbours, other spellings of it and other routes. */
    private static final List<String> PREFIXES = List.of(
            "/api/v1/sessions",
            "/api/v1/",
            "/",
            "/API/V1/SESSIONS/",
            "/api/v2/sessions/",
            "/error/",
            "http://localhost/api/v1/sessions/",
            "//api/v1/sessions/",
            "/api/v1/sessions/../sessions/",
            "/api/v1/./sessions/",
            "/api/v1/sessions/x/../",
            "/api/v1/sessions/%2e%2e/sessions/",
            "/api/v1/sessions/;x=1/",
            "/actuator/",
            "/actuator/health/",
            "*");

    private Paths() {}

    static Gen<String> any() {
        Gen<String> prefix = mostly(8, "/api/v1/sessions/", 3, PREFIXES);
        Gen<String> segments = lists().of(segment()).ofSizeBetween(0, 3).map(parts -> String.join("", parts));
        Gen<String> suffix = Generate.frequency(
                Pair.of(6, Generate.constant("")),
                Pair.of(
                        2,
                        Generate.pick(List.of(
                                "/",
                                "/extra",
                                ".json",
                                "?x=1",
                                "?name=%7B%22%24gt%22%3A%22%22%7D",
                                "?%zz=1",
                                "?a=b&a=c&" + "q=1&".repeat(500),
                                "?"))),
                Pair.of(1, Generate.pick(List.of("?x=1", "#fragment"))));
        return prefix.zip(segments, suffix, (p, s, q) -> p + s + q);
    }

    static Gen<String> segment() {
        List<String> pieces = List.of(
                FuzzTarget.ALICE_SESSION,
                FuzzTarget.BOB_SESSION,
                URLEncoder.encode(FuzzTarget.ALICE_ODD_SESSION, StandardCharsets.UTF_8)
                        .replace("+", "%20"),
                "Q%66uzzAlice",
                "%F0%9F%8E%B5",
                "%7B%22%24gt%22%3A%22%22%7D",
                "$where",
                "%24ne",
                "~",
                "%20",
                "+",
                "%2F",
                "%2f",
                "%5C",
                "%00",
                "\\",
                "|",
                "\u00fc",
                "\u00ff\u00fe",
                "\u00c3\u00bc",
                "%25",
                "%2e%2e",
                "..",
                ".",
                "%2e",
                ";",
                ";jsessionid=abc",
                "%3B",
                "%09",
                "%0d%0a",
                "%zz",
                "%",
                "%4",
                "%%",
                "%g0",
                "%ff",
                "%c0%af",
                "%e2%82",
                "%ed%a0%80");
        Gen<String> longSegment = integers().between(100, 12_000).map("a"::repeat);
        return Generate.frequency(
                Pair.of(5, Generate.pick(pieces)),
                Pair.of(2, strings().basicLatinAlphabet().ofLengthBetween(1, 30).map(Paths::pathSafe)),
                Pair.of(1, longSegment));
    }

    /** Printable ASCII as a path holds it: sub-delimiters, separators and dots raw, the rest percent-encoded. */
    private static String pathSafe(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "-_~!$&'()*+,=:@".indexOf(c) >= 0) {
                out.append(c);
            } else if ("/;.".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", (int) c));
            }
        }
        return out.toString();
    }
}
