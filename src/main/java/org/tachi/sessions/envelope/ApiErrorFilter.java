package org.tachi.sessions.envelope;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Just inside the request log and the HTTP metrics: a failure thrown by any later filter (the token
 * lookup while MongoDB is down, a path Spring cannot parse) is answered here with the envelope, so
 * the client, the request log and {@code http_server_requests} all see the same status and no
 * exception reaches the container.
 */
class ApiErrorFilter extends OncePerRequestFilter {

    private final ApiErrorWriter errors;

    ApiErrorFilter(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (!isParsable(request)) {
            errors.write(response, 400, ApiErrors.MALFORMED_URL);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            errors.write(response, failure);
        }
    }

    /** Spring parses the path (path parameters included) in several filters and fails on a bad %-escape. */
    private static boolean isParsable(HttpServletRequest request) {
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
