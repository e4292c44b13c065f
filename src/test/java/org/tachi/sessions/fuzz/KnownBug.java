package org.tachi.sessions.fuzz;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Failure classes the fuzz finds on main today, each fixed on the hardening branch. While a class is
 * listed in {@link #KNOWN_UNTIL_HARDENING_MERGES} the generators do not produce the inputs that
 * trigger it; the properties themselves stay strict. Empty the list once hardening is merged: every
 * entry left then shows up as a failing property with its request.
 */
enum KnownBug {
    /** {@code Content-Type: *}{@code /*} or {@code application/*}: 500 (should be 415), logged as ERROR. */
    WILDCARD_CONTENT_TYPE,
    /** A form body ({@code application/x-www-form-urlencoded}) with a malformed %-escape on PATCH/PUT/DELETE: 500. */
    FORM_BODY_ESCAPE,
    /** An unknown HTTP method: Tomcat's 501. */
    UNKNOWN_METHOD,
    /** An unsupported HTTP version: Tomcat's 505. */
    UNSUPPORTED_VERSION,
    /** A malformed chunk-size line: 500. */
    MALFORMED_CHUNK,
    /** The token filter's own 400/401/403 carry none of the security headers. */
    TOKEN_FILTER_HEADERS,
    /**
     * {@code Accept} without JSON (text/html, application/xml, ...): 406 with an empty body; an
     * unparseable {@code Accept} ({@code garbage}, or one continued by an obsolete folded line) empties
     * every error body (400, 405, 415) too. The fuzz also found that the owner's valid PATCH with such an
     * {@code Accept} is stored, then answered 406: the client is told it failed.
     */
    NON_JSON_ACCEPT,
    /** A malformed %-escape in the path (e.g. {@code %zz}): 500. */
    MALFORMED_PATH_ESCAPE,
    /** Found by this fuzz, not in the hardening brief: {@code multipart/form-data} without a boundary is a 500. */
    MULTIPART_WITHOUT_BOUNDARY,
    /**
     * Found by this fuzz, not in the hardening brief: Spring Security's firewall rejection (a {@code .},
     * {@code ..}, {@code ;}, {@code //}, {@code %25} or an encoded control character in the path) is a
     * 400 envelope without the security headers.
     */
    FIREWALL_REJECTION_HEADERS,
    /**
     * Found by this fuzz, not in the hardening brief: everything Tomcat answers itself (400 for a control
     * character in a header value, a space in a header name, a missing {@code Host}, an encoded {@code /}
     * or {@code \}, raw non-ASCII in the path, a request line or header over 8 KB; 405 for TRACE; 417)
     * carries no security headers.
     */
    TOMCAT_REJECTION_HEADERS,
    /**
     * Found by this fuzz, not in the hardening brief: {@code OPTIONS} on any route is a 200 with an empty
     * body (Spring's default OPTIONS handling), and {@code OPTIONS *} is Tomcat's 200 without any headers.
     */
    OPTIONS_WITHOUT_ENVELOPE,
    /** Found by this fuzz, not in the hardening brief: an unknown {@code /actuator/health/...} path is a 404 with an empty body. */
    ACTUATOR_404_EMPTY,
    /**
     * Found by this fuzz, not in the hardening brief: a request with {@code Expect: 100-continue} that the
     * service refuses before reading its body for a content-type reason (e.g. {@code Content-Type: garbage},
     * {@code charset=bogus}) is Tomcat's 417 "This request could not be handled." without security
     * headers, instead of the service's 415.
     */
    EXPECT_CONTINUE_417;

    /** Empty since the hardening branch merged: every class above is fixed and the generators produce all of them again. */
    static final Set<KnownBug> KNOWN_UNTIL_HARDENING_MERGES = EnumSet.noneOf(KnownBug.class);

    boolean excluded() {
        return KNOWN_UNTIL_HARDENING_MERGES.contains(this);
    }

    /** The values, or none while this bug is excluded. */
    @SafeVarargs
    final <T> List<T> unlessExcluded(T... values) {
        return excluded() ? List.of() : List.of(values);
    }

    /** The lists, concatenated. */
    @SafeVarargs
    static <T> List<T> all(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }
}
