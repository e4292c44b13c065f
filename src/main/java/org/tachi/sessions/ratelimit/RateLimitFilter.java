package org.tachi.sessions.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tachi.sessions.envelope.ApiErrorWriter;

/**
 * Counts every {@code /api/v1} request against its client IP's budget and answers 429 once it is
 * spent, with Tachi's message. Every counted answer carries the budget in the IETF fields of
 * draft-ietf-httpapi-ratelimit-headers-10 ({@code RateLimit-Policy: "default";q=500;w=60},
 * {@code RateLimit: "default";r=<left>;t=<seconds to refill>}) and in the {@code X-RateLimit-*} fields
 * Tachi's express-rate-limit 5 sends; a 429 adds {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String POLICY = "default";

    private final RateLimiter limiter;

    private final ClientAddresses clients;

    private final ApiErrorWriter errors;

    private final long requests;

    private final String policy;

    private final String exceeded;

    RateLimitFilter(
            RateLimitProperties properties, RateLimiter limiter, ClientAddresses clients, ApiErrorWriter errors) {
        this.limiter = limiter;
        this.clients = clients;
        this.errors = errors;
        this.requests = properties.requests();
        long windowSeconds = properties.window().toSeconds();
        this.policy = "\"" + POLICY + "\";q=" + requests + ";w=" + windowSeconds;
        // Tachi's text (server/src/server/middleware/rate-limiter.ts), word for word
        this.exceeded = "You have exceeded " + requests + " requests per " + windowSeconds + " seconds. Please wait.";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.tryAcquire(clients.clientOf(request));
        response.setHeader("RateLimit-Policy", policy);
        response.setHeader(
                "RateLimit", "\"" + POLICY + "\";r=" + decision.remaining() + ";t=" + decision.secondsToReset());
        response.setHeader("X-RateLimit-Limit", Long.toString(requests));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader(
                "X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + decision.secondsToReset()));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.secondsToReset()));
            errors.write(response, 429, exceeded);
            return;
        }
        chain.doFilter(request, response);
    }
}
