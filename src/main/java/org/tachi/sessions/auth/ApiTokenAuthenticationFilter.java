package org.tachi.sessions.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.user.UserRepository;

/**
 * Tachi's request authentication ({@code SetRequestPermissions}), on every request, in Tachi's
 * order: a valid login cookie session is its user with every permission and the
 * {@code Authorization} header is not looked at; otherwise no header is a guest, and a header must
 * be {@code Bearer <token>} for a known API token. Then, either way, the user must not be banned.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final CookieSessions cookieSessions;

    private final ApiTokenRepository tokens;

    private final UserRepository users;

    private final ApiErrorWriter errors;

    private final String banned;

    /** {@code instanceName}: Tachi's {@code TACHI_CONFIG.NAME}, which its ban message names. */
    ApiTokenAuthenticationFilter(
            CookieSessions cookieSessions,
            ApiTokenRepository tokens,
            UserRepository users,
            ApiErrorWriter errors,
            String instanceName) {
        this.cookieSessions = cookieSessions;
        this.tokens = tokens;
        this.users = users;
        this.errors = errors;
        // Tachi's text (server/src/server/middleware/auth.ts), without a full stop
        this.banned = "You are banned from " + instanceName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiTokenPrincipal principal;
        try {
            principal = cookieSessions.authenticate(request);
        } catch (ApiException unavailable) {
            errors.write(response, unavailable.status().value(), unavailable.description());
            return;
        }
        if (principal == null) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || header.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            principal = fromBearerToken(header, response);
            if (principal == null) {
                return;
            }
        }
        // Tachi's RejectIfBanned, for cookie and token users alike; a null user ID is not checked.
        if (principal.userID() != null && users.isBanned(principal.userID())) {
            errors.write(response, 403, banned);
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(principal, null, AuthorityUtils.NO_AUTHORITIES);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** The token's user and permissions, or null once the error has been written. */
    private @Nullable ApiTokenPrincipal fromBearerToken(String header, HttpServletResponse response)
            throws IOException {
        // Split as Tachi does: "<type> <token>", separated by one space.
        String[] parts = header.split(" ");
        if (!"Bearer".equals(parts[0])) {
            errors.write(response, 400, "Invalid Authorization Type - Expected Bearer.");
            return null;
        }
        String token = parts.length > 1 ? parts[1] : "";
        if (token.isEmpty()) {
            errors.write(response, 401, "Invalid token.");
            return null;
        }
        Document apiToken = tokens.findByToken(token).orElse(null);
        if (apiToken == null) {
            errors.write(response, 401, "The provided API token does not correspond with any key in the database.");
            return null;
        }
        Object permissions = apiToken.get("permissions");
        @SuppressWarnings("unchecked")
        Map<String, Object> granted = permissions instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return new ApiTokenPrincipal(apiToken.get("userID"), granted);
    }
}
