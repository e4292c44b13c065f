package org.tachi.sessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BrowserCorsFilterTest {

    @Test
    void oneConfiguredOriginIsAllowedWithCredentials() throws Exception {
        BrowserCorsFilter filter = new BrowserCorsFilter(new CorsProperties("http://localhost:3000"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/sessions/Q1");
        request.addHeader("Origin", "http://localhost:3000");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.getHeaders("Vary")).contains("Origin");
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void preflightStopsHereWithoutReachingAuthentication() throws Exception {
        BrowserCorsFilter filter = new BrowserCorsFilter(new CorsProperties(null));
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/v1/sessions/Q1");
        request.addHeader("Origin", "http://frontend.test");
        request.addHeader("Access-Control-Request-Method", "PATCH");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(chain.getRequest()).as("the rest of the chain never ran").isNull();
    }

    /** Tachi's {@code app.options("*", cors())}: a plain OPTIONS, without preflight headers, is a 204 too. */
    @Test
    void everyOptionsIsA204LikeTachisNotSpringsEmpty200() throws Exception {
        BrowserCorsFilter filter = new BrowserCorsFilter(new CorsProperties(null));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("OPTIONS", "/api/v1/sessions/Q1"), response, chain);
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeader("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PATCH,PUT,DELETE,OPTIONS");
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(chain.getRequest()).isNull();
    }
}
