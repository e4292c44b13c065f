package org.tachi.sessions.tomcat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Helmet's defaults that fit a JSON API, on every response Tomcat sends: the API's, the filters',
 * the error page's and Tomcat's own error reports, which no servlet filter (Spring Security's
 * header writer included) ever sees.
 */
class SecurityHeadersValve extends ValveBase {

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "X-XSS-Protection", "0");

    SecurityHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        HEADERS.forEach(response::setHeader);
        getNext().invoke(request, response);
    }
}
