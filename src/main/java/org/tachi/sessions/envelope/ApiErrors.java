package org.tachi.sessions.envelope;

import com.mongodb.MongoClientException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * What the client is told about a failure. Expected failures keep their own message; an
 * unreachable database is a 503; anything else is logged with its cause and answered with Tachi's
 * generic 500, so no exception, class or driver detail ever reaches a response.
 */
public final class ApiErrors {

    public static final String INTERNAL_ERROR = "A fatal internal server error has occured.";

    public static final String DATABASE_UNAVAILABLE =
            "The database is unavailable right now. Please try again shortly.";

    public static final String BODY_TOO_LARGE = "Your request body was too large. The limit is 4MB.";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public record Outcome(HttpStatus status, String description, HttpHeaders headers) {

        Outcome(HttpStatus status, String description) {
            this(status, description, HttpHeaders.EMPTY);
        }

        public ResponseEntity<ApiResponse> toResponse() {
            return ResponseEntity.status(status).headers(headers).body(ApiResponse.error(description));
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
        if (cause instanceof RequestRejectedException) {
            return new Outcome(HttpStatus.BAD_REQUEST, "This request was rejected: its URL is malformed.");
        }
        if (cause instanceof MongoTimeoutException
                || cause instanceof MongoSocketException
                || cause instanceof MongoClientException && cause.getCause() instanceof MongoSocketException) {
            log.warn("MongoDB is unreachable: {}", cause.toString());
            return new Outcome(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
        }
        log.error("Unexpected failure while handling a request", failure);
        return new Outcome(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR);
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
            case 413 -> BODY_TOO_LARGE;
            case 415 -> "Request bodies must be JSON (Content-Type: application/json).";
            case 503 -> DATABASE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : "This request could not be handled.";
        };
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
