package org.tachi.sessions.cookie;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.web.util.UriUtils;

/**
 * The session ID in an express-session cookie value, read as express-session 1.17 and
 * cookie-signature do: the value is URL-decoded, must start with {@code s:}, and the part after the
 * last {@code .} must be the unpadded base64 HMAC-SHA256 of the part before it under one of the
 * secrets. Anything else is no session (a guest).
 */
final class SignedCookie {

    private SignedCookie() {}

    static Optional<String> sessionID(String cookieValue, List<String> secrets) {
        String value = decode(cookieValue);
        if (!value.startsWith("s:")) {
            return Optional.empty();
        }
        String signed = value.substring(2);
        int dot = signed.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String sid = signed.substring(0, dot);
        byte[] presented = signed.getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        // every secret is tried, so the time taken does not tell which one matched
        for (String secret : secrets) {
            valid |= MessageDigest.isEqual(sign(sid, secret).getBytes(StandardCharsets.UTF_8), presented);
        }
        return valid ? Optional.of(sid) : Optional.empty();
    }

    /** cookie-signature's {@code sign}: {@code sid.base64(HMAC-SHA256(secret, sid))} without the {@code =}. */
    static String sign(String sid, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(sid.getBytes(StandardCharsets.UTF_8));
            return sid + "." + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * The npm {@code cookie} package's decode: {@code decodeURIComponent} when the value holds a
     * {@code %}, the raw value when that fails. Not URLDecoder, which would turn {@code +} into a space.
     */
    private static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return value;
        }
    }
}
