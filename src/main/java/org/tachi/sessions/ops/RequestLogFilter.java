package org.tachi.sessions.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The outermost filter: gives every request an ID ({@code X-Request-Id}, validated, or a new one),
 * echoes it in the response, keeps it in the MDC for every log line of the request, and writes one
 * line per request: method, route template (never the raw path, so no IDs or query strings),
 * status, duration and, when a valid API token was used, its user ID (never the token).
 * Successful {@code /actuator/**} calls (probes, scrapes) are logged at DEBUG only. Logger:
 * {@value #LOGGER_NAME}.
 */
class RequestLogFilter extends OncePerRequestFilter {

    static final String MDC_REQUEST_ID = "requestId";

    static final String MDC_USER_ID = "userID";

    /** Set by {@link CallerLogFilter}, which runs inside Spring Security, where the caller is known. */
    static final String USER_ID_ATTRIBUTE = RequestLogFilter.class.getName() + ".userID";

    /**
     * All lower case, so that an environment variable can set its level
     * ({@code LOGGING_LEVEL_ORG_TACHI_SESSIONS_REQUESTS=WARN}): Boot lower-cases those names.
     */
    static final String LOGGER_NAME = "org.tachi.sessions.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        response.setHeader(RequestIds.HEADER, requestId);
        MDC.put(MDC_REQUEST_ID, requestId);
        long start = System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // An exception escaping every handler becomes a 500 from the container.
            int status = failed ? 500 : response.getStatus();
            logRequest(request, status, millis);
            MDC.remove(MDC_USER_ID);
            MDC.remove(MDC_REQUEST_ID);
        }
    }

    private static void logRequest(HttpServletRequest request, int status, long millis) {
        String route = route(request, status);
        Level level = route.startsWith("/actuator") && status < 400 ? Level.DEBUG : Level.INFO;
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        Object userID = request.getAttribute(USER_ID_ATTRIBUTE);
        String message = request.getMethod() + " " + route + " " + status + " " + millis + "ms"
                + (userID != null ? " userID=" + userID : "");
        // Structured formats add the MDC (requestId, userID) themselves: a key-value pair of the same
        // name would clash with it.
        log.atLevel(level)
                .addKeyValue("method", request.getMethod())
                .addKeyValue("route", route)
                .addKeyValue("status", status)
                .addKeyValue("durationMs", millis)
                .log(message);
    }

    /**
     * The matched route template, e.g. {@code /api/v1/sessions/{sessionID}}; for a request no route
     * matched, the same placeholders Spring's HTTP metrics use.
     */
    static String route(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern != null) {
            return pattern.toString();
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        return "UNKNOWN";
    }
}
