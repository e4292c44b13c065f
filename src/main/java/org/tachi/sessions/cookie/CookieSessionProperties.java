package org.tachi.sessions.cookie;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Tachi settings this service must share with Tachi's server to read its login sessions.
 *
 * @param name Tachi's {@code TACHI_CONFIG.NAME}: the session cookie is this name with every space
 * replaced by {@code _} plus {@code _SESSION}, and the Redis key of a session is this name followed
 * directly by the session ID; the ban message ({@code You are banned from <name>}) names it too
 * @param sessionSecret Tachi's {@code SESSION_SECRET}, as a list so a secret can be rotated: a cookie
 * is valid when its signature matches any of them; empty turns cookie sessions off
 */
@ConfigurationProperties("tachi")
@Validated
public record CookieSessionProperties(
        @DefaultValue("Tachi") @NotBlank String name,
        @DefaultValue @NotNull List<@NotBlank String> sessionSecret) {

    /** express-session's {@code name} as Tachi sets it. */
    public String cookieName() {
        return name.replace(' ', '_') + "_SESSION";
    }

    /** connect-redis' {@code prefix} as Tachi sets it: the name itself, no separator. */
    public String redisKey(String sid) {
        return name + sid;
    }
}
