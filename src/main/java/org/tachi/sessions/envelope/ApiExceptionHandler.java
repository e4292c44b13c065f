package org.tachi.sessions.envelope;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure inside Spring MVC into Tachi's JSON envelope. Spring's own exceptions keep
 * their status (and headers such as {@code Allow}), with a plain description instead of Spring's
 * problem details.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse> handleAny(Exception failure) {
        return ApiErrors.of(failure).toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ApiErrors.isCausedBy(failure, RequestBodyTooLargeException.class)) {
            return envelope(headers, HttpStatusCode.valueOf(413), ApiErrors.BODY_TOO_LARGE);
        }
        return envelope(headers, status, "Your request body is not valid JSON.");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(headers, status, ApiErrors.describe(status.value()));
    }

    private static ResponseEntity<Object> envelope(HttpHeaders headers, HttpStatusCode status, String description) {
        return ResponseEntity.status(status).headers(headers).body(ApiResponse.error(description));
    }
}
