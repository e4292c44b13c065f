package org.tachi.sessions.envelope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An expected failure of a request: its status, description and headers go to the client as they are.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;

    private final HttpHeaders headers;

    public ApiException(HttpStatus status, String description) {
        this(status, description, HttpHeaders.EMPTY);
    }

    private ApiException(HttpStatus status, String description, HttpHeaders headers) {
        super(description, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    /** A 401 that tells the client how to authenticate. */
    public static ApiException unauthenticated(String description) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return new ApiException(HttpStatus.UNAUTHORIZED, description, HttpHeaders.readOnlyHttpHeaders(headers));
    }

    /** A refusal the client may retry after this many seconds ({@code Retry-After}). */
    public static ApiException retryAfter(HttpStatus status, String description, long seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return new ApiException(status, description, HttpHeaders.readOnlyHttpHeaders(headers));
    }

    public HttpStatus status() {
        return status;
    }

    public String description() {
        return getMessage();
    }

    public HttpHeaders headers() {
        return headers;
    }
}
