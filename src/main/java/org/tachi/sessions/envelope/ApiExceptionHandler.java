package org.tachi.sessions.envelope;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure inside Spring MVC into Tachi's JSON envelope, written by
 * {@link ApiErrorWriter}: Spring's own exceptions keep their status and headers (such as
 * {@code Allow}) with a plain description, never Spring's problem details; written directly, so no
 * content negotiation can turn an error into an empty 406.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private final ApiErrorWriter errors;

    ApiExceptionHandler(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @ExceptionHandler(Exception.class)
    void handle(Exception failure, HttpServletResponse response) throws IOException {
        errors.write(response, failure);
    }
}
