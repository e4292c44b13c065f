package org.tachi.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tachi.sessions.auth.ApiTokenRepository;
import org.tachi.sessions.catalog.CatalogRepository;
import org.tachi.sessions.mongo.RawDocuments;
import org.tachi.sessions.score.ScoreRepository;
import org.tachi.sessions.scoreinfo.GptCatalog;
import org.tachi.sessions.scoreinfo.ScoreInfoCalculator;
import org.tachi.sessions.support.WebSliceConfiguration;
import org.tachi.sessions.user.UserRepository;

/**
 * The HTTP contract of both endpoints: every status, message and header, with the real controller,
 * service, security chain and error handling, and the repositories mocked.
 */
// unexpectedFailureIsGeneric500's failure is expected: its ERROR log line (with the stack) stays out of the build log.
@WebMvcTest(
        controllers = SessionController.class,
        properties = "logging.level.org.tachi.sessions.envelope.ApiErrors=OFF")
@Import({
    SessionService.class,
    ScoreInfoCalculator.class,
    GptCatalog.class,
    HeavyGetLimit.class,
    WebSliceConfiguration.class,
    SessionControllerTest.Codecs.class
})
class SessionControllerTest {

    static final String ID = "Q887e24ce0ea4be0bb99b9206d310bda8f16859f7";

    static final String URL = "/api/v1/sessions/" + ID;

    static final String OWNER_TOKEN = "owner-token";

    /** {@link RawDocuments}, which the web slice does not create. */
    @TestConfiguration
    static class Codecs {

        @Bean
        RawDocuments rawDocuments() {
            return new RawDocuments(
                    MongoClientSettings.getDefaultCodecRegistry().get(Document.class));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SessionRepository sessions;

    @MockitoBean
    ScoreRepository scores;

    @MockitoBean
    CatalogRepository catalog;

    @MockitoBean
    UserRepository users;

    @MockitoBean
    ApiTokenRepository tokens;

    Document session;

    @BeforeEach
    void storedSession() {
        session = new Document("sessionID", ID)
                .append("userID", 1)
                .append("name", "Velvet Stormy Climb")
                .append("desc", null)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("highlight", false)
                .append("scoreIDs", List.of("T1"))
                .append("timeStarted", 1619454485988L);
        given(sessions.findBySessionID(anyString())).willReturn(Optional.empty());
        given(sessions.findBySessionID(ID)).willReturn(Optional.of(session));
        given(tokens.findByToken(anyString())).willReturn(Optional.empty());
        givenToken(OWNER_TOKEN, 1, Map.of("customise_session", true));
    }

    void givenToken(String token, Object userID, Map<String, Object> permissions) {
        given(tokens.findByToken(token))
                .willReturn(Optional.of(new Document("token", token)
                        .append("userID", userID)
                        .append("permissions", new Document(permissions))));
    }

    ResultActions patchAs(String token, String json) throws Exception {
        MockHttpServletRequestBuilder request =
                patch(URL).contentType(MediaType.APPLICATION_JSON).content(json);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    static RawBsonDocument raw(Document document) {
        return new RawBsonDocument(
                document, MongoClientSettings.getDefaultCodecRegistry().get(Document.class));
    }

    static ResultActions expectError(ResultActions result, int status, String description) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.description").value(description))
                .andExpect(jsonPath("$.body").doesNotExist());
    }

    @Nested
    class Get {

        @Test
        void returnsTheSessionJoinedWithScoresSongsChartsAndUser() throws Exception {
            Document score = new Document("scoreID", "T1").append("songID", 7).append("chartID", "c1");
            given(scores.findRawByScoreIDs(List.of("T1"))).willReturn(List.of(raw(score)));
            given(catalog.findRawSongs("sdvx", List.of(new BsonInt32(7))))
                    .willReturn(List.of(raw(new Document("id", 7))));
            given(catalog.findRawCharts("sdvx", List.of(new BsonString("c1"))))
                    .willReturn(List.of(raw(new Document("chartID", "c1"))));
            given(users.findPublicUser(1)).willReturn(Optional.of(new Document("id", 1).append("username", "alice")));

            mvc.perform(get(URL))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.description").value("Successfully returned session Velvet Stormy Climb."))
                    .andExpect(jsonPath("$.body.session.sessionID").value(ID))
                    .andExpect(jsonPath("$.body.session.desc").value((Object) null))
                    .andExpect(jsonPath("$.body.scores[0].scoreID").value("T1"))
                    .andExpect(jsonPath("$.body.songs[0].id").value(7))
                    .andExpect(jsonPath("$.body.charts[0].chartID").value("c1"))
                    .andExpect(jsonPath("$.body.user.username").value("alice"));
        }

        @Test
        void unknownSessionIs404() throws Exception {
            expectError(mvc.perform(get("/api/v1/sessions/nope")), 404, "This session does not exist.");
        }

        @Test
        void missingOwnerIsNullUser() throws Exception {
            given(users.findPublicUser(1)).willReturn(Optional.empty());
            mvc.perform(get(URL))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.body.user").value((Object) null))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("\"user\":null")));
        }

        @Test
        void printsNumbersAsJavaScriptDoes() throws Exception {
            session.append("timeEnded", 1.619454485988E12).append("zero", 0.0).append("ratio", 0.1 + 0.2);
            String body = mvc.perform(get(URL)).andReturn().getResponse().getContentAsString();
            assertThat(body)
                    .contains(
                            "\"timeStarted\":1619454485988",
                            "\"timeEnded\":1619454485988",
                            "\"zero\":0,",
                            "\"ratio\":0.30000000000000004");
        }

        @Test
        void authenticationAppliesToGetToo() throws Exception {
            expectError(
                    mvc.perform(get(URL).header("Authorization", "Bearer unknown")),
                    401,
                    "The provided API token does not correspond with any key in the database.");
        }

        @Test
        void databaseUnreachableIs503WithoutDriverDetails() throws Exception {
            given(sessions.findBySessionID(ID))
                    .willThrow(new MongoTimeoutException("Timed out while waiting for 127.0.0.1:27017"));
            String body = expectError(
                            mvc.perform(get(URL)),
                            503,
                            "The database is unavailable right now. Please try again shortly.")
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain("27017", "Mongo", "Exception");
        }

        @Test
        void unexpectedFailureIsGeneric500() throws Exception {
            given(scores.findRawByScoreIDs(any())).willThrow(new IllegalStateException("secret internals"));
            String body = expectError(mvc.perform(get(URL)), 500, "A fatal internal server error has occured.")
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain("secret", "IllegalState");
        }
    }

    @Nested
    class Authentication {

        @Test
        void nonBearerAuthorizationIs400() throws Exception {
            expectError(
                    mvc.perform(patch(URL).header("Authorization", "Basic Zm9vOmJhcg==")),
                    400,
                    "Invalid Authorization Type - Expected Bearer.");
        }

        @Test
        void bearerWithoutTokenIs401() throws Exception {
            expectError(mvc.perform(patch(URL).header("Authorization", "Bearer ")), 401, "Invalid token.");
            expectError(mvc.perform(patch(URL).header("Authorization", "Bearer")), 401, "Invalid token.");
        }

        @Test
        void unknownTokenIs401() throws Exception {
            expectError(
                    patchAs("nope", "{\"name\":\"Good name\"}"),
                    401,
                    "The provided API token does not correspond with any key in the database.");
        }

        @Test
        void bannedUserIs403() throws Exception {
            given(users.isBanned(1)).willReturn(true);
            patchAs(OWNER_TOKEN, "{\"name\":\"Good name\"}")
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.success").value(false))
                    .andExpect(jsonPath("$.description").value(org.hamcrest.Matchers.containsString("banned")));
            verify(sessions, never()).setFields(anyString(), any());
        }

        @Test
        void noHttpSessionIsCreated() throws Exception {
            patchAs(OWNER_TOKEN, "{\"name\":\"Good name\"}")
                    .andExpect(header().doesNotExist("Set-Cookie"))
                    .andExpect(r -> assertThat(r.getRequest().getSession(false)).isNull());
        }
    }

    @Nested
    class Patch {

        @Test
        void ownerWithPermissionUpdatesAndGetsTheWholeSession() throws Exception {
            Document after = new Document(session)
                    .append("name", "Good name")
                    .append("desc", null)
                    .append("highlight", true);
            given(sessions.setFields(eq(ID), any())).willReturn(Optional.of(after));

            patchAs(OWNER_TOKEN, "{\"name\":\"Good name\",\"desc\":null,\"highlight\":true,\"unknown\":5}")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.success").value(true))
                    .andExpect(jsonPath("$.description").value("Updated Session."))
                    .andExpect(jsonPath("$.body.name").value("Good name"))
                    .andExpect(jsonPath("$.body.sessionID").value(ID));
            verify(sessions)
                    .setFields(
                            ID,
                            new Document("name", "Good name")
                                    .append("desc", null)
                                    .append("highlight", true));
        }

        @Test
        void unknownSessionIs404BeforeAnyAuthorisation() throws Exception {
            expectError(
                    mvc.perform(patch("/api/v1/sessions/nope")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Good name\"}")),
                    404,
                    "This session does not exist.");
        }

        @Test
        void guestIs401WithWwwAuthenticate() throws Exception {
            expectError(
                            patchAs(null, "{\"name\":\"Good name\"}"),
                            401,
                            "You are not authorised to perform this action.")
                    .andExpect(header().string("WWW-Authenticate", "Bearer"));
        }

        @Test
        void anotherUserIs403() throws Exception {
            givenToken("other", 2, Map.of("customise_session", true));
            expectError(
                    patchAs("other", "{\"name\":\"Good name\"}"),
                    403,
                    "You are not authorised to modify this session.");
        }

        @Test
        void ownershipIsCheckedBeforeValidation() throws Exception {
            givenToken("other", 2, Map.of("customise_session", true));
            expectError(patchAs("other", "{\"name\":5}"), 403, "You are not authorised to modify this session.");
        }

        @Test
        void missingPermissionIs403() throws Exception {
            givenToken("readonly", 1, Map.of("customise_session", false));
            expectError(
                    patchAs("readonly", "{\"name\":\"Good name\"}"),
                    403,
                    "You are missing the following permissions necessary for this request: customise_session");
        }

        @Test
        void ownerIdStoredAsDoubleStillOwns() throws Exception {
            session.put("userID", 1.0);
            given(sessions.setFields(eq(ID), any())).willReturn(Optional.of(session));
            patchAs(OWNER_TOKEN, "{\"highlight\":true}").andExpect(status().isOk());
        }

        @Test
        void nameTooShortIs400WithTachiMessage() throws Exception {
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":\"a\"}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received a)");
        }

        @Test
        void nameTooLongIs400AndReceivedValueIsTruncated() throws Exception {
            String longName = "x".repeat(150);
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":\"" + longName + "\"}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received " + "x".repeat(100) + "...)");
        }

        @Test
        void nameBoundsAreInclusive() throws Exception {
            given(sessions.setFields(eq(ID), any())).willReturn(Optional.of(session));
            patchAs(OWNER_TOKEN, "{\"name\":\"abc\"}").andExpect(status().isOk());
            patchAs(OWNER_TOKEN, "{\"name\":\"" + "n".repeat(80) + "\"}").andExpect(status().isOk());
            patchAs(OWNER_TOKEN, "{\"desc\":\"" + "d".repeat(120) + "\"}").andExpect(status().isOk());
            expectError(
                    patchAs(OWNER_TOKEN, "{\"desc\":\"" + "d".repeat(121) + "\"}"),
                    400,
                    "[desc] Expected a string between 3 and 120 characters, or null. (Received " + "d".repeat(100)
                            + "...)");
        }

        @Test
        void wrongTypesAre400AndNeverReachTheDatabase() throws Exception {
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":5}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received 5)");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":{\"$gt\":\"\"}}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received {\"$gt\":\"\"})");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":null}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received null)");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"desc\":[\"abc\"]}"),
                    400,
                    "[desc] Expected a string between 3 and 120 characters, or null. (Received [\"abc\"])");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"highlight\":\"true\"}"),
                    400,
                    "[highlight] Expected a boolean. (Received true)");
            verify(sessions, never()).setFields(anyString(), any());
        }

        @Test
        void fieldsAreCheckedInTachisOrderAndTheFirstFailureAnswers() throws Exception {
            expectError(
                    patchAs(OWNER_TOKEN, "{\"highlight\":1,\"desc\":1,\"name\":1}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received 1)");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"highlight\":1,\"desc\":1,\"name\":\"fine\"}"),
                    400,
                    "[desc] Expected a string between 3 and 120 characters, or null. (Received 1)");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"highlight\":1,\"desc\":null}"),
                    400,
                    "[highlight] Expected a boolean. (Received 1)");
            verify(sessions, never()).setFields(anyString(), any());
        }

        @Test
        void receivedClientTextIsShownVerbatimNeverInterpolated() throws Exception {
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":\"${\"}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received ${)");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"name\":{\"${1+1}\":\"{min} \\\\ {max}\"}}"),
                    400,
                    "[name] Expected a string between 3 and 80 characters. (Received {\"${1+1}\":\"{min} \\\\ {max}\"})");
        }

        @Test
        void emptyBodyModifiesNothing() throws Exception {
            expectError(patchAs(OWNER_TOKEN, "{}"), 400, "This request modifies nothing about this session.");
            expectError(
                    patchAs(OWNER_TOKEN, "{\"other\":1}"), 400, "This request modifies nothing about this session.");
            expectError(
                    mvc.perform(patch(URL).header("Authorization", "Bearer " + OWNER_TOKEN)),
                    400,
                    "This request modifies nothing about this session.");
        }

        @Test
        void bodyThatIsNotAnObjectIs400() throws Exception {
            expectError(patchAs(OWNER_TOKEN, "[1,2]"), 400, "Your request body must be a JSON object.");
            expectError(patchAs(OWNER_TOKEN, "\"name\""), 400, "Your request body must be a JSON object.");
        }

        @Test
        void malformedJsonIs400() throws Exception {
            expectError(patchAs(OWNER_TOKEN, "{\"name\":"), 400, "Your request body is not valid JSON.");
        }

        @Test
        void wrongContentTypeIs415() throws Exception {
            expectError(
                    mvc.perform(patch(URL)
                            .header("Authorization", "Bearer " + OWNER_TOKEN)
                            .contentType(MediaType.TEXT_PLAIN)
                            .content("name=Good")),
                    415,
                    "Request bodies must be JSON (Content-Type: application/json).");
        }

        @Test
        void bodyOverFourMegabytesIs413() throws Exception {
            byte[] huge = new byte[4 * 1024 * 1024 + 1];
            expectError(
                    mvc.perform(
                            patch(URL).contentType(MediaType.APPLICATION_JSON).content(huge)),
                    413,
                    "Your request body was too large. The limit is 4MB.");
        }

        @Test
        void sessionDeletedMeanwhileIs404() throws Exception {
            given(sessions.setFields(eq(ID), any())).willReturn(Optional.empty());
            expectError(patchAs(OWNER_TOKEN, "{\"name\":\"Good name\"}"), 404, "This session does not exist.");
        }
    }

    @Nested
    class Routing {

        @Test
        void unknownRouteIs404Envelope() throws Exception {
            expectError(mvc.perform(get("/api/v1/nothing-here")), 404, "This endpoint does not exist.");
        }

        @Test
        void wrongMethodIs405WithAllow() throws Exception {
            expectError(mvc.perform(delete(URL)), 405, "This endpoint does not support this HTTP method.")
                    .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("PATCH")));
        }
    }
}
