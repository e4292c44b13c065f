package org.tachi.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tachi.sessions.support.DocumentAssert.assertSameDocument;
import static org.tachi.sessions.support.DocumentAssert.parse;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoIntegrationTest;

/** The data path of both endpoints against a real MongoDB wire-protocol server. */
@AutoConfigureMockMvc
class SessionApiIntegrationTest extends MongoIntegrationTest {

    @Autowired
    MockMvc mvc;

    static Document score(String scoreID, int songID, String chartID) {
        return new Document("scoreID", scoreID)
                .append("songID", songID)
                .append("chartID", chartID)
                .append("userID", 1);
    }

    void givenSession(String game, List<?> scoreIDs) {
        insert(
                "sessions",
                new Document("sessionID", "Q1")
                        .append("userID", 1)
                        .append("name", "My session")
                        .append("desc", null)
                        .append("game", game)
                        .append("playtype", "Single")
                        .append("highlight", false)
                        .append("scoreIDs", scoreIDs)
                        .append("timeStarted", 1000L));
        insert(
                "api-tokens",
                new Document("token", "owner")
                        .append("userID", 1)
                        .append("identifier", "test")
                        .append("permissions", new Document("customise_session", true))
                        .append("fromAPIClient", null));
    }

    @Test
    void joinsTheSessionsScoresSongsChartsAndOwnerInIndexOrder() throws Exception {
        givenSession("sdvx", List.of("T3", "T1", "T2", "T1", "Tmissing"));
        insert(
                "scores",
                score("T2", 20, "c2"),
                score("T3", 10, "c1"),
                score("T1", 10, "c1"),
                score("Tother", 30, "c3"));
        insert(
                "songs-sdvx",
                new Document("id", 20).append("title", "B"),
                new Document("id", 10).append("title", "A"),
                new Document("id", 30).append("title", "C"));
        insert("songs-chunithm", new Document("id", 10).append("title", "wrong game"));
        insert(
                "charts-sdvx",
                new Document("chartID", "c2"),
                new Document("chartID", "c1"),
                new Document("chartID", "c3"));
        insert(
                "users",
                new Document("id", 1)
                        .append("username", "alice")
                        .append("password", "hash")
                        .append("email", "a@example.com"),
                new Document("id", 2).append("username", "bob"));

        mvc.perform(get("/api/v1/sessions/Q1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.scores[*].scoreID", contains("T1", "T2", "T3")))
                .andExpect(jsonPath("$.body.songs[*].title", contains("A", "B")))
                .andExpect(jsonPath("$.body.charts[*].chartID", contains("c1", "c2")))
                .andExpect(jsonPath("$.body.user.username").value("alice"))
                .andExpect(jsonPath("$.body.user.password").doesNotExist())
                .andExpect(jsonPath("$.body.user.email").doesNotExist());
    }

    @Test
    void emptySessionGivesEmptyArrays() throws Exception {
        givenSession("sdvx", List.of());
        mvc.perform(get("/api/v1/sessions/Q1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.scores", empty()))
                .andExpect(jsonPath("$.body.songs", empty()))
                .andExpect(jsonPath("$.body.charts", empty()))
                .andExpect(jsonPath("$.body.user").value((Object) null));
    }

    @Test
    void unknownGameNeverTouchesAnArbitraryCollection() throws Exception {
        givenSession("sessions", List.of("T1"));
        insert("scores", score("T1", 10, "c1"));
        mvc.perform(get("/api/v1/sessions/Q1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.scores[*].scoreID", contains("T1")))
                .andExpect(jsonPath("$.body.songs", empty()))
                .andExpect(jsonPath("$.body.charts", empty()));
        assertThat(mongo.collectionExists("songs-sessions")).isFalse();
        assertThat(mongo.collectionExists("charts-sessions")).isFalse();
    }

    @Test
    void patchSetsOnlyTheGivenFieldsAndReturnsTheStoredSession() throws Exception {
        givenSession("sdvx", List.of("T1"));
        String json = mvc.perform(patch("/api/v1/sessions/Q1")
                        .header("Authorization", "Bearer owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\",\"desc\":\"A fine evening\",\"highlight\":true,\"userID\":2}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        Document stored = stored("sessions", "sessionID", "Q1");
        assertThat(stored.getString("name")).isEqualTo("Renamed");
        assertThat(stored.getString("desc")).isEqualTo("A fine evening");
        assertThat(stored.getBoolean("highlight")).isTrue();
        assertThat(stored.get("userID")).isEqualTo(1);
        assertThat(stored.get("timeStarted")).isEqualTo(1000L);
        assertSameDocument(stored, parse(json).get("body"));
    }

    @Test
    void patchCanClearTheDescription() throws Exception {
        givenSession("sdvx", List.of());
        mongo.getCollection("sessions")
                .updateOne(
                        new Document("sessionID", "Q1"), new Document("$set", new Document("desc", "old description")));
        mvc.perform(patch("/api/v1/sessions/Q1")
                        .header("Authorization", "Bearer owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"desc\":null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.desc").value((Object) null));
        Document stored = stored("sessions", "sessionID", "Q1");
        assertThat(stored.containsKey("desc")).isTrue();
        assertThat(stored.get("desc")).isNull();
    }

    @Test
    void rejectedPatchLeavesTheSessionUntouched() throws Exception {
        givenSession("sdvx", List.of());
        Document before = stored("sessions", "sessionID", "Q1");
        mvc.perform(patch("/api/v1/sessions/Q1")
                        .header("Authorization", "Bearer owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\",\"highlight\":\"yes\"}"))
                .andExpect(status().isBadRequest());
        assertThat(stored("sessions", "sessionID", "Q1")).isEqualTo(before);
    }

    @Test
    void bannedUsersTokenIsRefused() throws Exception {
        givenSession("sdvx", List.of());
        insert("users", new Document("id", 1).append("username", "alice").append("authLevel", 0));
        mvc.perform(get("/api/v1/sessions/Q1").header("Authorization", "Bearer owner"))
                .andExpect(status().isForbidden());
    }
}
