package org.tachi.sessions.support;

import java.util.Map;

/** The security headers every answer of the service carries, whoever writes it (Spring, a filter or Tomcat). */
public final class SecurityHeaders {

    public static final Map<String, String> EXPECTED = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    private SecurityHeaders() {}
}
