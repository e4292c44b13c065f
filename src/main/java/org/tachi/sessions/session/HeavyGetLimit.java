package org.tachi.sessions.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import java.util.concurrent.Semaphore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.tachi.sessions.envelope.ApiException;

/**
 * Bounds the memory that GETs of big sessions hold at once. A GET holds its session's raw documents
 * (about 1 KB per score) until its body is written, so GETs of sessions over
 * {@code tachi.sessions.heavy-get.min-scores} scores share a budget of
 * {@code tachi.sessions.heavy-get.max-scores-in-flight} scores: a GET that does not fit is answered
 * 503 with {@code Retry-After} at once instead of queueing (a session bigger than the whole budget
 * waits for none and runs alone). Such bodies are also streamed without an ETag, since computing one
 * needs the whole body buffered. Smaller GETs are never refused.
 */
@Component
@EnableConfigurationProperties(HeavyGetLimit.Properties.class)
class HeavyGetLimit {

    static final String BUSY =
            "This session is large and the service is busy with others like it. Please try again shortly.";

    private static final long RETRY_AFTER_SECONDS = 2;

    /**
     * @param minScores sessions with more scores than this are heavy: they share the budget and go without an ETag
     * @param maxScoresInFlight the scores that heavy GETs may hold at once (about 1 KB of heap each)
     */
    @Validated
    @ConfigurationProperties("tachi.sessions.heavy-get")
    record Properties(
            @DefaultValue("2000") @Min(0) int minScores,
            @DefaultValue("100000") @Min(1) int maxScoresInFlight) {}

    private final Properties properties;

    private final Semaphore budget;

    HeavyGetLimit(Properties properties) {
        this.properties = properties;
        this.budget = new Semaphore(properties.maxScoresInFlight());
    }

    /** Admits a GET of a session with this many scores for the rest of the current request, or refuses it. */
    void admit(int scores) {
        if (scores <= properties.minScores()) {
            return;
        }
        int permits = Math.min(scores, properties.maxScoresInFlight());
        if (!budget.tryAcquire(permits)) {
            throw ApiException.retryAfter(HttpStatus.SERVICE_UNAVAILABLE, BUSY, RETRY_AFTER_SECONDS);
        }
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        request.registerDestructionCallback(
                HeavyGetLimit.class.getName(), () -> budget.release(permits), RequestAttributes.SCOPE_REQUEST);
        if (request instanceof ServletRequestAttributes servlet) {
            HttpServletRequest httpRequest = servlet.getRequest();
            ShallowEtagHeaderFilter.disableContentCaching(httpRequest);
        }
    }
}
