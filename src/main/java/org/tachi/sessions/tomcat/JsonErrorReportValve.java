package org.tachi.sessions.tomcat;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.tachi.sessions.envelope.ApiErrors;

/**
 * Tomcat's last-resort error page, used when Tomcat rejects a request before any application code
 * runs (an encoded {@code /}, {@code \} or NUL in the path, a malformed request line): the JSON
 * envelope instead of Tomcat's HTML report.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String description = ApiErrors.describe(status).replace("\\", "\\\\").replace("\"", "\\\"");
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"success\":false,\"description\":\"" + description + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone or the response was committed meanwhile: nothing left to tell it
        }
    }
}
