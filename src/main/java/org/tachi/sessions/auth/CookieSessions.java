package org.tachi.sessions.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Tachi's login cookie sessions, asked before the {@code Authorization} header is looked at
 * (Tachi's order: a valid session cookie wins and the header is ignored).
 */
public interface CookieSessions {

    /** Cookie sessions off (no Redis or no session secret configured). */
    CookieSessions NONE = request -> null;

    /**
     * The caller of a valid session cookie with every permission, or null when the request has no
     * valid one (then the request is a guest or authenticates with its {@code Authorization} header).
     *
     * @throws org.tachi.sessions.envelope.ApiException a 503 when the session store cannot be reached
     */
    @Nullable
    ApiTokenPrincipal authenticate(HttpServletRequest request);
}
