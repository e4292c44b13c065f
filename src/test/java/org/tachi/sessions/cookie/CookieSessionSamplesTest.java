package org.tachi.sessions.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tachi.sessions.cookie.CookieSamples.ALICE_SESSION;
import static org.tachi.sessions.cookie.CookieSamples.step;
import static org.tachi.sessions.cookie.CookieSamples.text;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.tachi.sessions.cookie.CookieSamples.Step;
import org.tachi.sessions.support.ServedOverHttpTest;
import org.tachi.sessions.support.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every row of Tachi's cookie samples, replayed over a real socket against a real Redis-protocol
 * server ({@link TestRedis}) and MongoDB. PATCH rows are sent as recorded and must get Tachi's
 * answer. {@code GET /api/v1/users/me} rows (Tachi's route) are replayed with the same cookie and
 * {@code Authorization} headers on a PATCH of the session of the user Tachi identified: 200 proves
 * this service identified the same user, a guest gets this service's guest answer. Login and
 * logout are Tachi's routes: their effect here is the Redis record they write or delete.
 *
 * <p>The configured secrets are a newer one first and Tachi's sample secret second, so every valid
 * cookie also proves rotation.
 */
@TestPropertySource(
        properties = {
            "tachi.name=" + CookieSamples.NAME,
            "tachi.session-secret=a-newer-secret," + CookieSamples.SECRET,
            // on by default when REDIS_URL is set (RedisUrlEnvironmentPostProcessorTest); the Redis URL of
            // a test arrives after that decision, through @DynamicPropertySource
            "management.health.redis.enabled=true"
        })
class CookieSessionSamplesTest extends ServedOverHttpTest {

    static final String BOB_SESSION = "Q22561794fe6d4f25e1263734a583fb314213cdb9";

    static final String ALICE_KEY = text("/facts/cookie/redisKey");

    static final String ALICE_RECORD = text("/facts/cookie/redisValue");

    static final String BOB_KEY = text("/steps/" + index("login cookie_bob") + "/redis/key");

    static final String BOB_RECORD = text("/steps/" + index("login cookie_bob") + "/redis/value");

    /** This service's guest PATCH (README "Where this differs from Tachi"); Tachi answers a guest 403. */
    static final String GUEST = "You are not authorised to perform this action.";

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void seed() {
        redis.delete(redis.keys(CookieSamples.NAME + "*"));
        insert(
                "users",
                Document.parse(ALICE_RECORD).get("tachi", Document.class).get("user", Document.class),
                CookieSamples.document("/steps/" + index("bob: me with cookie") + "/response/body/body"));
        insert(
                "sessions",
                CookieSamples.document("/steps/" + index("patch own session with cookie") + "/response/body/body"),
                CookieSamples.document("/steps/" + index("patch with a minted session") + "/response/body/body"));
        CookieSamples.ROOT.at("/meta/tokens").forEach(token -> insert("api-tokens", Document.parse(token.toString())));
        storeRecord(ALICE_KEY, ALICE_RECORD);
        storeRecord(BOB_KEY, BOB_RECORD);
    }

    // --- valid cookies ----------------------------------------------------------------------------

    @Test
    void validCookiePatchesOwnSessionWithEveryPermission() throws Exception {
        assertTachi("patch own session with cookie");
        assertThat(sessionName(ALICE_SESSION)).isEqualTo("Renamed with a cookie");
        assertIdentifies("me with cookie", ALICE_SESSION);
        assertIdentifies("me with cookie after a db change", ALICE_SESSION);
        assertIdentifies("bob: me with cookie", BOB_SESSION);
        assertTachi("bob: patch own session with cookie");
    }

    @Test
    void validCookieOverPlainHttpIsAccepted() throws Exception {
        assertIdentifies("me with cookie over plain http", ALICE_SESSION);
    }

    @Test
    void noCsrfCheckForeignOriginAndUserIntentAreAccepted() throws Exception {
        assertTachi("patch own session with cookie and foreign Origin");
        assertTachi("patch own session with X-User-Intent");
    }

    @Test
    void validCookieOnAnotherUsersSessionIs403() throws Exception {
        assertTachi("patch other user's session with cookie");
        assertTachi("bob: patch alice's session with cookie");
        assertThat(sessionName(BOB_SESSION)).isNotEqualTo("Should not be renamed");
    }

    @Test
    void bannedCookieUserIs403() throws Exception {
        mongo.getCollection("users")
                .updateOne(new Document("id", 1), new Document("$set", new Document("authLevel", 0)));
        HttpResponse<String> response = replay(step("patch own session with cookie"));
        assertThat(response.statusCode()).isEqualTo(403);
        // Tachi's message names the instance (TACHI_CONFIG.NAME, here the samples' "Tachi FR"), no full stop
        assertThat(response.body()).isEqualTo("{\"success\":false,\"description\":\"You are banned from Tachi FR\"}");
    }

    // --- cookie and Authorization: the cookie wins ------------------------------------------------

    @Test
    void cookieWinsOverABearerTokenWithoutThePermission() throws Exception {
        assertTachi("patch with bearer lacking customise_session");
        assertTachi("patch with cookie and bearer lacking customise_session");
    }

    @Test
    void cookieWinsOverAnotherUsersBearerToken() throws Exception {
        assertIdentifies("me with cookie and bob's bearer", ALICE_SESSION);
        assertTachi("patch bob's session with cookie and bob's bearer");
        assertTachi("patch alice's session with cookie and bob's bearer");
        assertIdentifies("bob: me with cookie and alice's bearer", BOB_SESSION);
        assertTachi("bob: patch alice's session with cookie and alice's bearer");
    }

    @Test
    void withAValidCookieAnUnknownOrNonBearerHeaderIsIgnored() throws Exception {
        assertIdentifies("me with cookie and unknown bearer", ALICE_SESSION);
        assertIdentifies("me with cookie and Basic auth", ALICE_SESSION);
    }

    @Test
    void aTamperedCookieCountsAsAbsentAndTheBearerTokenIsUsed() throws Exception {
        assertIdentifies("me with tampered cookie and bob's bearer", BOB_SESSION);
        assertTachi("patch bob's session with tampered cookie and bob's bearer");
    }

    @Test
    void theFirstOfTwoSessionCookiesIsUsed() throws Exception {
        assertIdentifies("bob: two cookies (bob's first, alice's tampered second)", BOB_SESSION);
    }

    // --- invalid cookies and missing records: guests ---------------------------------------------

    /**
     * A tampered signature, an unsigned value, a signature of another secret, the right value under
     * another cookie name; and records Tachi's login wrote that a DEL and a logout then removed, so
     * nothing is stored.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "me with tampered signature",
                "patch with tampered signature",
                "me with unsigned value",
                "patch with unsigned value",
                "me with s: but no signature",
                "me with signature of another secret",
                "me with the cookie under another name",
                "me after the redis key was deleted",
                "patch after the redis key was deleted",
                "me after logout",
                "patch after logout"
            })
    void invalidCookiesAndRemovedRecordsAreGuests(String stepName) throws Exception {
        assertGuest(stepName);
    }

    // --- the Redis record -------------------------------------------------------------------------

    @Test
    void expiredRecordIsAGuest() throws Exception {
        redis.opsForValue().set(ALICE_KEY, ALICE_RECORD, Duration.ofMillis(50));
        Thread.sleep(150);
        assertGuest("me after the redis key expired");
        assertGuest("patch after the redis key expired");
    }

    @Test
    void recordWhoseCookieExpiresIsPastStillCountsAndIsRefreshed() throws Exception {
        Step step = step("me with cookie.expires in the past");
        storeRecord(ALICE_KEY, step.node().at("/redisBefore/value").asString());
        Instant before = Instant.now();
        assertIdentifies(step.node().get("step").asString(), ALICE_SESSION);
        assertRefreshed(ALICE_KEY, step.node().at("/redisBefore/value").asString(), before);
    }

    @Test
    void everyRequestWithAValidCookieSlidesTheRecordForAnotherYear() throws Exception {
        redis.expire(ALICE_KEY, Duration.ofSeconds(60));
        Instant before = Instant.now();
        assertTachi("patch own session with cookie");
        assertRefreshed(ALICE_KEY, ALICE_RECORD, before);
    }

    @Test
    void theRecordsUserIsTheCaller() throws Exception {
        // Tachi's login with bob's cookie rebinds bob's sid to alice
        Step login = step("login cookie_alice while sending bob's cookie");
        storeRecord(BOB_KEY, login.node().at("/redisOfBobsSid/value").asString());
        assertIdentifies("me with bob's old cookie after the dual login", ALICE_SESSION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "me with a minted session, patch with a minted session",
        "me with a minimal minted session, patch with a minimal minted session"
    })
    void recordsWrittenStraightIntoRedisAreSessionsToo(String meStep, String patchStep) throws Exception {
        Step minted = step(meStep);
        storeRecord(
                CookieSamples.NAME + minted.node().at("/minted/sid").asString(),
                minted.node().at("/minted/redisValue").asString());
        assertIdentifies(meStep, BOB_SESSION);
        assertTachi(patchStep);
    }

    @Test
    void aRecordWithoutTachiUserIdFallsBackToTheAuthorizationHeader() throws Exception {
        // Tachi: maybeSession?.tachi?.user.id !== undefined, else the Authorization header decides
        storeRecord(ALICE_KEY, "{\"cookie\":{\"originalMaxAge\":1000,\"expires\":null},\"tachi\":{}}");
        Map<String, String> cookieOnly = step("me with cookie").headers();
        assertGuest(send("PATCH", "/api/v1/sessions/" + ALICE_SESSION, cookieOnly, "{\"highlight\":true}"));
        Map<String, String> withBobsToken =
                step("me with cookie and bob's bearer").headers();
        assertThat(send("PATCH", "/api/v1/sessions/" + BOB_SESSION, withBobsToken, "{\"highlight\":true}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void redisIsInTheOverallHealthButNotInReadiness() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", Map.of(), "");
        assertThat(JsonMapper.shared()
                        .readTree(health.body())
                        .at("/components/redis/status")
                        .asString())
                .isEqualTo("UP");
        HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", Map.of(), "");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).doesNotContain("redis");
    }

    // --- helpers ----------------------------------------------------------------------------------

    void storeRecord(String key, String record) {
        redis.opsForValue().set(key, record, Duration.ofSeconds(31_540_000));
    }

    /**
     * The record is what it was except {@code cookie.expires}, which is now plus
     * {@code originalMaxAge} in JavaScript's ISO format, and the TTL follows it.
     */
    void assertRefreshed(String key, String before, Instant requestStart) {
        String after = redis.opsForValue().get(key);
        ObjectNode expected = (ObjectNode) JsonMapper.shared().readTree(before);
        JsonNode actual = JsonMapper.shared().readTree(after);
        String expires = actual.at("/cookie/expires").asString();
        assertThat(expires).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        long maxAge = expected.at("/cookie/originalMaxAge").asLong();
        assertThat(Instant.parse(expires))
                .isBetween(
                        requestStart.plusMillis(maxAge).minusMillis(1),
                        Instant.now().plusMillis(maxAge));
        ((ObjectNode) expected.get("cookie")).put("expires", expires);
        assertThat(after).isEqualTo(JsonMapper.shared().writeValueAsString(expected));
        assertThat(redis.getExpire(key)).isBetween(maxAge / 1000 - 10, maxAge / 1000);
    }

    /**
     * Tachi's {@code GET /users/me} row, with its cookie and Authorization headers, as a PATCH of
     * the session of the user Tachi answered: 200 when this service sees the same user. A row
     * Tachi answered 401 (a guest) must get this service's guest answer.
     */
    void assertIdentifies(String stepName, String sessionOfTheUser) throws Exception {
        Step step = step(stepName);
        assertThat(step.path()).isEqualTo("/api/v1/users/me");
        assertThat(step.status()).isEqualTo(sessionOfTheUser == null ? 401 : 200);
        HttpResponse<String> response = send(
                "PATCH",
                "/api/v1/sessions/" + (sessionOfTheUser == null ? ALICE_SESSION : sessionOfTheUser),
                step.headers(),
                "{\"highlight\":true}");
        if (sessionOfTheUser == null) {
            assertGuest(response);
        } else {
            assertThat(response.statusCode())
                    .as(stepName + ": " + response.body())
                    .isEqualTo(200);
        }
    }

    /** A PATCH row replayed as recorded gets Tachi's status and description. */
    void assertTachi(String stepName) throws Exception {
        Step step = step(stepName);
        HttpResponse<String> response = replay(step);
        assertThat(response.statusCode())
                .as(step.node().get("step") + ": " + response.body())
                .isEqualTo(step.status());
        assertThat(JsonMapper.shared()
                        .readTree(response.body())
                        .get("description")
                        .asString())
                .isEqualTo(step.description());
    }

    /** A row Tachi answered as a guest, on either of its routes, gets this service's guest answer. */
    void assertGuest(String stepName) throws Exception {
        if (step(stepName).path().equals("/api/v1/users/me")) {
            assertIdentifies(stepName, null);
        } else {
            assertGuest(replay(step(stepName)));
        }
    }

    void assertGuest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"success\":false,\"description\":\"" + GUEST + "\"}");
    }

    HttpResponse<String> replay(Step step) throws Exception {
        assertThat(step.method()).isEqualTo("PATCH");
        return send(step.method(), step.path(), step.headers(), step.body());
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), BodyHandlers.ofString());
    }

    String sessionName(String sessionID) {
        return stored("sessions", "sessionID", sessionID).getString("name");
    }

    static int index(String stepName) {
        int i = 0;
        for (JsonNode step : CookieSamples.ROOT.get("steps")) {
            if (step.get("step").asString().equals(stepName)) {
                return i;
            }
            i++;
        }
        throw new IllegalArgumentException(stepName);
    }
}
