package org.tachi.sessions.cookie;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.WebUtils;
import org.tachi.sessions.auth.ApiTokenPrincipal;
import org.tachi.sessions.auth.CookieSessions;
import org.tachi.sessions.envelope.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's Tachi login session: its signed cookie, then the record Tachi's connect-redis store
 * keeps under {@code <name><sid>}. The record is Tachi's: it is only ever read, and touched as
 * express-session touches it on every request ({@code resave: true}), so a session used here slides
 * just as it does on Tachi.
 */
class RedisCookieSessions implements CookieSessions {

    static final String UNAVAILABLE = "The login session store is unavailable right now. Please try again shortly.";

    /** connect-redis' TTL for a record whose cookie has no {@code expires}: one day. */
    static final Duration DEFAULT_TTL = Duration.ofDays(1);

    /** JavaScript's {@code Date.prototype.toISOString}: always milliseconds, always UTC. */
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(RedisCookieSessions.class);

    private final CookieSessionProperties properties;

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Clock clock;

    RedisCookieSessions(CookieSessionProperties properties, StringRedisTemplate redis, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public @Nullable ApiTokenPrincipal authenticate(HttpServletRequest request) {
        // the first cookie of that name, as the npm cookie parser keeps it
        Cookie cookie = WebUtils.getCookie(request, properties.cookieName());
        if (cookie == null) {
            return null;
        }
        Optional<String> sid = SignedCookie.sessionID(cookie.getValue(), properties.sessionSecret());
        if (sid.isEmpty()) {
            return null;
        }
        String key = properties.redisKey(sid.get());
        try {
            String record = redis.opsForValue().get(key);
            if (record == null) {
                return null;
            }
            JsonNode session = json.readTree(record);
            // Tachi: maybeSession?.tachi?.user.id !== undefined (a JSON null is a user ID too)
            JsonNode userID = session.path("tachi").path("user").get("id");
            if (userID == null) {
                return null;
            }
            touch(key, session);
            return ApiTokenPrincipal.sessionKey(json.treeToValue(userID, Object.class));
        } catch (JacksonException malformed) {
            log.warn("The Redis record of a session cookie is not JSON; the request is a guest");
            return null;
        } catch (DataAccessException unreachable) {
            log.warn("Redis is unreachable: {}", unreachable.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
    }

    /**
     * express-session's touch and resave: {@code cookie.expires} becomes now plus
     * {@code cookie.originalMaxAge} and the key's TTL follows it, as connect-redis computes it. Only
     * while the key exists ({@code SET ... XX}), so a logout on Tachi meanwhile is not undone.
     */
    private void touch(String key, JsonNode session) {
        if (!(session.get("cookie") instanceof ObjectNode cookie)) {
            return;
        }
        Instant now = clock.instant();
        JsonNode maxAge = cookie.get("originalMaxAge");
        Duration ttl = DEFAULT_TTL;
        if (maxAge != null && maxAge.isNumber()) {
            Instant expires = now.plusMillis(maxAge.asLong());
            cookie.put("expires", JS_ISO.format(expires));
            ttl = Duration.ofSeconds(
                    (long) Math.ceil(Duration.between(now, expires).toMillis() / 1000.0));
        } else {
            cookie.putNull("expires");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        redis.opsForValue().setIfPresent(key, json.writeValueAsString(session), ttl);
    }
}
