package org.tachi.sessions.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * The per-IP budget through the whole filter chain, in memory: Tachi's 429, the IETF and Tachi's
 * headers, what is never counted, and whose address a request is counted against. A budget of 3
 * requests; every test uses client addresses of its own, so the tests do not share buckets.
 */
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "tachi.rate-limit.requests=3",
            "tachi.rate-limit.window=60s",
            "tachi.rate-limit.trusted-proxies=10.0.0.1, fd00::/8"
        })
class RateLimitTest extends MongoIntegrationTest {

    static final String API = "/api/v1/sessions/Qnone";

    static final String EXCEEDED =
            "{\"success\":false,\"description\":\"You have exceeded 3 requests per 60 seconds. Please wait.\"}";

    @Autowired
    MockMvc mvc;

    @Test
    void theFourthRequestInAWindowIsTachis429WithRetryAfter() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            MockHttpServletResponse allowed = send(get(API), "192.0.2.1");
            assertThat(allowed.getStatus()).isEqualTo(404);
            assertThat(allowed.getHeader("RateLimit-Policy")).isEqualTo("\"default\";q=3;w=60");
            assertThat(allowed.getHeader("RateLimit")).matches("\"default\";r=" + remaining + ";t=([1-9]|[1-5]\\d|60)");
            assertThat(allowed.getHeader("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(allowed.getHeader("X-RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            assertThat(allowed.getHeader("Retry-After")).isNull();
        }

        MockHttpServletResponse limited = send(get(API), "192.0.2.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(limited.getContentType()).startsWith("application/json");
        assertThat(limited.getContentAsString()).isEqualTo(EXCEEDED);
        long retryAfter = Long.parseLong(limited.getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(limited.getHeader("RateLimit")).isEqualTo("\"default\";r=0;t=" + retryAfter);
        assertThat(limited.getHeader("RateLimit-Policy")).isEqualTo("\"default\";q=3;w=60");
        assertThat(Long.parseLong(limited.getHeader("X-RateLimit-Reset")))
                .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);
        assertThat(limited.getHeader("Access-Control-Allow-Origin"))
                .as("a browser can read the 429")
                .isEqualTo("*");

        assertThat(send(get(API), "192.0.2.2").getStatus()).as("another client").isEqualTo(404);
    }

    @Test
    void theLimitComesBeforeTheTokenIsLookedUp() throws Exception {
        exhaust("192.0.2.3");
        MockHttpServletResponse response = send(get(API).header("Authorization", "Bearer made-up-token"), "192.0.2.3");
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentAsString()).isEqualTo(EXCEEDED);
    }

    @Test
    void unknownRoutesUnderTheApiAreCountedToo() throws Exception {
        MockHttpServletResponse response = send(get("/api/v1/nothing-here"), "192.0.2.4");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("RateLimit")).startsWith("\"default\";r=2;");
    }

    @Test
    void healthEndpointsAreNeverCountedNorLimited() throws Exception {
        exhaust("192.0.2.5");
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse health = send(get("/actuator/health/liveness"), "192.0.2.5");
            assertThat(health.getStatus()).isEqualTo(200);
            assertThat(health.getHeader("RateLimit")).isNull();
        }
    }

    @Test
    void corsPreflightsAreNeverCountedNorLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse preflight = send(
                    options(API)
                            .header("Origin", "http://frontend.test")
                            .header("Access-Control-Request-Method", "PATCH"),
                    "192.0.2.6");
            assertThat(preflight.getStatus()).isEqualTo(204);
            assertThat(preflight.getHeader("RateLimit")).isNull();
        }
        assertThat(send(get(API), "192.0.2.6").getHeader("RateLimit")).startsWith("\"default\";r=2;");
    }

    @Test
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(get(API).header("X-Forwarded-For", "198.51.100." + i), "192.0.2.7");
        }
        MockHttpServletResponse spoofed = send(get(API).header("X-Forwarded-For", "198.51.100.99"), "192.0.2.7");
        assertThat(spoofed.getStatus())
                .as("counted against the peer, whatever the header")
                .isEqualTo(429);
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsCounted() throws Exception {
        exhaust("10.0.0.1", "203.0.113.1");
        assertThat(send(get(API).header("X-Forwarded-For", "203.0.113.1"), "10.0.0.1")
                        .getStatus())
                .isEqualTo(429);
        assertThat(send(get(API).header("X-Forwarded-For", "203.0.113.2"), "10.0.0.1")
                        .getStatus())
                .as("another client behind the same proxy")
                .isEqualTo(404);
    }

    @Test
    void aClientCannotPickItsAddressBehindATrustedProxy() throws Exception {
        exhaust("10.0.0.1", "203.0.113.3");
        // the client wrote the left entry; the proxy appended the address it saw
        MockHttpServletResponse response =
                send(get(API).header("X-Forwarded-For", "198.51.100.50, 203.0.113.3"), "10.0.0.1");
        assertThat(response.getStatus()).isEqualTo(429);
    }

    @Test
    void chainsOfTrustedProxiesAreWalkedFromTheRight() throws Exception {
        exhaust("10.0.0.1", "203.0.113.4");
        MockHttpServletResponse response = send(get(API).header("X-Forwarded-For", "203.0.113.4, fd00::7"), "10.0.0.1");
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(send(get(API).header("X-Forwarded-For", "203.0.113.5, fd00::7"), "10.0.0.1")
                        .getStatus())
                .isEqualTo(404);
    }

    private void exhaust(String peer) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(get(API), peer).getStatus()).isEqualTo(404);
        }
    }

    private void exhaust(String proxy, String client) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(get(API).header("X-Forwarded-For", client), proxy).getStatus())
                    .isEqualTo(404);
        }
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String peer) throws Exception {
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(peer);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }
}
