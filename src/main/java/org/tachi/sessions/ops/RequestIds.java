package org.tachi.sessions.ops;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request IDs: the caller's {@code X-Request-Id} when it is safe to put into logs and a response
 * header (1 to 128 characters of letters, digits and {@code . _ : -}), otherwise a new UUID.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    static final int MAX_LENGTH = 128;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestIds() {}

    static boolean isAcceptable(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches();
    }

    static String acceptOrGenerate(String candidate) {
        return isAcceptable(candidate) ? candidate : UUID.randomUUID().toString();
    }
}
