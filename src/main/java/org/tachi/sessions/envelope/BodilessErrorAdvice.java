package org.tachi.sessions.envelope;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An error status that a handler answers with no body at all gets the envelope. Actuator does that
 * for an unknown health group or component ({@code /actuator/health/nope}: a bodiless 404 that it
 * also flushes, so neither the servlet error page nor Tomcat's error report ever sees it). Spring MVC
 * consults this advice even for a null body, before it commits the response.
 */
@ControllerAdvice
class BodilessErrorAdvice implements ResponseBodyAdvice<Object> {

    private final ApiErrorWriter errors;

    BodilessErrorAdvice(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body != null || !(response instanceof ServletServerHttpResponse servlet)) {
            return body;
        }
        HttpServletResponse raw = servlet.getServletResponse();
        if (raw.getStatus() >= 400) {
            try {
                errors.write(raw, raw.getStatus());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return null;
    }
}
