package org.tachi.sessions.http;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigin unset: any origin, without credentials, as Tachi runs in production; set
 * (e.g. {@code http://localhost:3000} for a frontend dev server): only that origin, with credentials
 */
@ConfigurationProperties("tachi.cors")
public record CorsProperties(@Nullable String allowedOrigin) {}
