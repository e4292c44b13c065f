package org.tachi.sessions.envelope;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of the JSON error envelope, used by every path: Spring MVC's exception handler,
 * the servlet filters (through {@link ApiErrorFilter} or directly), the servlet error page and
 * Tomcat's own error report. Status, headers and description come from {@link ApiErrors}.
 */
@Component
public class ApiErrorWriter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWriter.class);

    private final JsonMapper json;

    ApiErrorWriter(JsonMapper json) {
        this.json = json;
    }

    /** The envelope for a failure, mapped by {@link ApiErrors#of(Throwable)}. */
    public void write(HttpServletResponse response, Throwable failure) throws IOException {
        write(response, ApiErrors.of(failure));
    }

    /** The envelope for an error status that carries no message of its own. */
    public void write(HttpServletResponse response, int status) throws IOException {
        write(response, ApiErrors.forStatus(status));
    }

    public void write(HttpServletResponse response, int status, String description) throws IOException {
        if (isCommitted(response)) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiResponse.error(description));
    }

    private void write(HttpServletResponse response, ApiErrors.Outcome outcome) throws IOException {
        if (isCommitted(response)) {
            return;
        }
        outcome.headers().forEach((name, values) -> values.forEach(value -> response.setHeader(name, value)));
        write(response, outcome.status().value(), outcome.description());
    }

    private static boolean isCommitted(HttpServletResponse response) {
        if (response.isCommitted()) {
            // Part of an answer is on the wire already: nothing else can be told to the client.
            log.debug("Response already committed; not writing an error envelope");
            return true;
        }
        return false;
    }
}
