package org.tachi.sessions.auth;

import java.util.Map;

/**
 * Who made a request with a valid API token: the token's user and permissions (the token itself
 * is not kept, so it cannot leak into logs).
 */
public record ApiTokenPrincipal(Object userID, Map<String, Object> permissions) {

    public static final String CUSTOMISE_SESSION = "customise_session";

    /** Tachi grants a permission only when it is literally {@code true}. */
    public boolean has(String permission) {
        return Boolean.TRUE.equals(permissions.get(permission));
    }
}
