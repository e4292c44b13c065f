package org.tachi.sessions.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tachi.sessions.envelope.ApiErrorWriter;
import org.tachi.sessions.user.UserRepository;

/**
 * Tachi's request authentication, on every request: no {@code Authorization} header is a guest;
 * otherwise it must be {@code Bearer <token>} for a known API token whose user is not banned.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokenRepository tokens;

    private final UserRepository users;

    private final ApiErrorWriter errors;

    ApiTokenAuthenticationFilter(ApiTokenRepository tokens, UserRepository users, ApiErrorWriter errors) {
        this.tokens = tokens;
        this.users = users;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        // Split as Tachi does: "<type> <token>", separated by one space.
        String[] parts = header.split(" ");
        if (!"Bearer".equals(parts[0])) {
            errors.write(response, 400, "Invalid Authorization Type - Expected Bearer.");
            return;
        }
        String token = parts.length > 1 ? parts[1] : "";
        if (token.isEmpty()) {
            errors.write(response, 401, "Invalid token.");
            return;
        }
        Document apiToken = tokens.findByToken(token).orElse(null);
        if (apiToken == null) {
            errors.write(response, 401, "The provided API token does not correspond with any key in the database.");
            return;
        }
        Object userID = apiToken.get("userID");
        if (users.isBanned(userID)) {
            errors.write(response, 403, "You are banned from Tachi.");
            return;
        }
        Object permissions = apiToken.get("permissions");
        @SuppressWarnings("unchecked")
        ApiTokenPrincipal principal = new ApiTokenPrincipal(
                userID, permissions instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        var authentication = new PreAuthenticatedAuthenticationToken(principal, null, AuthorityUtils.NO_AUTHORITIES);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
