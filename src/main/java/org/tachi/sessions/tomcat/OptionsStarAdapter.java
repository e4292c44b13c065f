package org.tachi.sessions.tomcat;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;

/**
 * {@code OPTIONS *} as every other OPTIONS is answered (a 204) and with the security headers. Tomcat's
 * {@code CoyoteAdapter} answers it itself, before any valve or filter runs, with a 200 and only an
 * {@code Allow} header; no valve can reach that answer, so the connector's adapter is this subclass.
 */
class OptionsStarAdapter extends CoyoteAdapter {

    OptionsStarAdapter(Connector connector) {
        super(connector);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if ("OPTIONS".equals(request.method().toString())
                && "*".equals(request.requestURI().toString())) {
            response.setStatus(204);
            SecurityHeadersValve.HEADERS.forEach(response::setHeader);
        }
        super.service(request, response);
    }
}
