package org.tachi.sessions.auth;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Who made a request with a valid API token or login cookie: the user and their permissions (the
 * token itself is not kept, so it cannot leak into logs). The user ID may be null only for a cookie
 * session whose record says {@code "id": null}, as Tachi accepts it.
 */
public record ApiTokenPrincipal(@Nullable Object userID, Map<String, Object> permissions) {

    public static final String CUSTOMISE_SESSION = "customise_session";

    /** Tachi's {@code ALL_PERMISSIONS} (tachi-common), what a login cookie session gets. */
    static final Map<String, Object> ALL_PERMISSIONS = Map.of(
            "customise_profile",
            true,
            "customise_score",
            true,
            CUSTOMISE_SESSION,
            true,
            "delete_score",
            true,
            "manage_rivals",
            true,
            "manage_targets",
            true,
            "submit_score",
            true,
            "manage_challenges",
            true);

    /** A logged-in user of Tachi's web client (Tachi's "Session-Key"): every permission. */
    public static ApiTokenPrincipal sessionKey(@Nullable Object userID) {
        return new ApiTokenPrincipal(userID, ALL_PERMISSIONS);
    }

    /** Tachi grants a permission only when it is literally {@code true}. */
    public boolean has(String permission) {
        return Boolean.TRUE.equals(permissions.get(permission));
    }
}
