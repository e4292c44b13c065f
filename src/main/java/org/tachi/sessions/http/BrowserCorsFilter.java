package org.tachi.sessions.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS exactly as Tachi's production server answers it, so its web client can call this service
 * from another origin. Every {@code OPTIONS} is answered here with 204, before authentication (browsers
 * send preflights without credentials), as Tachi's {@code app.options("*", cors())} answers any
 * {@code OPTIONS}, preflight or not: no route behind it ever sees one. Spring's own CORS support only echoes the requested headers and never
 * writes {@code Access-Control-Allow-Credentials: false}, which Tachi's clients see.
 */
class BrowserCorsFilter extends OncePerRequestFilter {

    static final String ALLOWED_METHODS = "GET,POST,PATCH,PUT,DELETE,OPTIONS";

    static final String ALLOWED_HEADERS = "Content-Type, X-User-Intent, Authorization";

    private final String allowedOrigin;

    private final boolean credentials;

    BrowserCorsFilter(CorsProperties properties) {
        this.credentials = StringUtils.hasText(properties.allowedOrigin());
        this.allowedOrigin = credentials ? properties.allowedOrigin() : "*";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowedOrigin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, Boolean.toString(credentials));
        if (credentials) {
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }
}
