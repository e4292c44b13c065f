package org.tachi.sessions.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Spring's ETag from the body, weak as Tachi's Express sends it, so that Tomcat's compression
 * ({@code server.compression}) may gzip the same representation; a matching {@code If-None-Match}
 * answers 304 without a body. Spring tags only GET; HEAD gets the tag its GET would (Tomcat sends no
 * body for HEAD), so HEAD answers exactly like GET without the body.
 */
class EtagFilter extends ShallowEtagHeaderFilter {

    EtagFilter() {
        setWriteWeakETag(true);
    }

    @Override
    protected boolean isEligibleForEtag(
            HttpServletRequest request, HttpServletResponse response, int status, InputStream body) {
        HttpServletRequest asGet = !"HEAD".equals(request.getMethod())
                ? request
                : new HttpServletRequestWrapper(request) {
                    @Override
                    public String getMethod() {
                        return "GET";
                    }
                };
        return super.isEligibleForEtag(asGet, response, status, body);
    }
}
