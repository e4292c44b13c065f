package org.tachi.sessions.envelope;

import com.mongodb.MongoClientException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;

/**
 * What the client is told about a failure, whoever caught it (the one mapping behind
 * {@link ApiErrorWriter}). Expected failures keep their own message; Spring's own exceptions keep
 * their status and headers (such as {@code Allow}); an unreachable database is a 503; anything
 * else is logged with its cause and answered with Tachi's generic 500, so no exception, class or
 * driver detail ever reaches a response.
 */
public final class ApiErrors {

    public static final String INTERNAL_ERROR = "A fatal internal server error has occured.";

    public static final String DATABASE_UNAVAILABLE =
            "The database is unavailable right now. Please try again shortly.";

    public static final String BODY_TOO_LARGE = "Your request body was too large. The limit is 4MB.";

    public static final String MALFORMED_URL = "This request was rejected: its URL is malformed.";

    public static final String INVALID_JSON = "Your request body is not valid JSON.";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public record Outcome(HttpStatus status, String description, HttpHeaders headers) {

        Outcome(HttpStatus status, String description) {
            this(status, description, HttpHeaders.EMPTY);
        }
    }

    public static Outcome of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ApiException api) {
            return new Outcome(api.status(), api.description(), api.headers());
        }
        if (isCausedBy(cause, RequestBodyTooLargeException.class)) {
            return new Outcome(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE);
        }
        // Tomcat's words for a request the client got wrong while its body was read (a malformed
        // chunk), or a client that went away mid-request: not the service's failure, nothing to log.
        if (isCausedBy(cause, BadRequestException.class) || isCausedBy(cause, ClientAbortException.class)) {
            return forStatus(400);
        }
        if (cause instanceof HttpMessageNotReadableException) {
            return new Outcome(HttpStatus.BAD_REQUEST, INVALID_JSON);
        }
        if (cause instanceof RequestRejectedException) {
            return new Outcome(HttpStatus.BAD_REQUEST, MALFORMED_URL);
        }
        if (cause instanceof ErrorResponse spring) {
            Outcome outcome = forStatus(spring.getStatusCode().value());
            return new Outcome(outcome.status(), outcome.description(), spring.getHeaders());
        }
        if (isDatabaseUnavailable(cause)) {
            // Logged once per outage by mongo.MongoAvailabilityLog, not once per request.
            log.debug("MongoDB is unavailable: {}", cause.toString());
            return new Outcome(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        log.error("Unexpected failure while handling a request", failure);
        return new Outcome(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
    }

    /**
     * The answer to an error status that carries no message of its own. A JSON API has no use for
     * 501 and 505: an unknown method is a 405, an unsupported HTTP version a malformed request.
     */
    public static Outcome forStatus(int status) {
        int answered = switch (status) {
            case 501 -> 405;
            case 505 -> 400;
            default -> status >= 400 ? status : 500;
        };
        HttpStatus resolved = HttpStatus.resolve(answered);
        return new Outcome(
                resolved != null ? resolved : HttpStatus.INTERNAL_SERVER_ERROR, describe(answered), HttpHeaders.EMPTY);
    }

    /** The description for an error status that carries no message of its own. */
    public static String describe(int status) {
        return switch (status) {
            case 400 -> "This request is malformed.";
            case 401 -> "You are not authorised to perform this action.";
            case 403 -> "You are not allowed to perform this action.";
            case 404 -> "This endpoint does not exist.";
            case 405 -> "This endpoint does not support this HTTP method.";
            case 406 -> "This endpoint only answers with JSON.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> BODY_TOO_LARGE;
            case 415 -> "Request bodies must be JSON (Content-Type: application/json).";
            case 503 -> DATABASE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : "This request could not be handled.";
        };
    }

    private static boolean isDatabaseUnavailable(Throwable cause) {
        return cause instanceof MongoTimeoutException
                || cause instanceof MongoExecutionTimeoutException
                || cause instanceof MongoSocketException
                || cause instanceof MongoClientException && cause.getCause() instanceof MongoSocketException;
    }

    /** Whether the failure or anything in its cause chain is of this type. */
    static boolean isCausedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    /** Async lookups and servlet error dispatches wrap the real failure. */
    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                        || current instanceof java.util.concurrent.ExecutionException
                        || current instanceof jakarta.servlet.ServletException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
