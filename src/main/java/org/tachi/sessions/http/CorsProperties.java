package org.tachi.sessions.http;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param allowedOrigin unset: any origin, without credentials, as Tachi runs in production; set
 * (e.g. {@code http://localhost:3000} for a frontend dev server): only that origin, with credentials
 */
@ConfigurationProperties("tachi.cors")
@Validated
public record CorsProperties(
        @Nullable
        @Pattern(
                regexp = "|https?://[^/?#*,\\s]+",
                message = "must be one origin, scheme://host[:port], e.g. http://localhost:3000")
        String allowedOrigin) {}
