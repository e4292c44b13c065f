package org.tachi.sessions.tomcat;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.tachi.sessions.envelope.ApiErrorWriter;

/**
 * Tomcat's last-resort error page, used when Tomcat answers a request itself before or around any
 * application code (an encoded {@code /}, {@code \} or NUL in the path, a malformed request line
 * or header, an unknown method or HTTP version): the JSON envelope, by {@link ApiErrorWriter},
 * instead of Tomcat's HTML report.
 */
class JsonErrorReportValve extends ErrorReportValve {

    private final ApiErrorWriter errors;

    JsonErrorReportValve(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            errors.write(response, status);
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone or the response was committed meanwhile: nothing left to tell it
        }
    }
}
