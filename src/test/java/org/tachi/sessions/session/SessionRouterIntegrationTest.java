package org.tachi.sessions.session;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tachi.sessions.session.SessionControllerTest.expectError;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * The whole {@code /api/v1/sessions/:sessionID} router with every controller and the database: as in
 * Tachi, the session is looked up before any route, so every other path under a session is a 404, and
 * which one depends on whether the session exists.
 */
@AutoConfigureMockMvc
class SessionRouterIntegrationTest extends MongoIntegrationTest {

    static final String URL = "/api/v1/sessions/Qrouter";

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void aSession() {
        insert(
                "sessions",
                new Document("sessionID", "Qrouter")
                        .append("userID", 1)
                        .append("name", "Router")
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", List.of())
                        .append("timeStarted", 1000L));
    }

    @Test
    void folderRaisesIsARouteOfTheSession() throws Exception {
        mvc.perform(get(URL + "/folder-raises"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").isEmpty());
    }

    @Test
    void otherPathsUnderAnExistingSessionAreUnknownEndpoints() throws Exception {
        expectError(mvc.perform(get(URL + "/foo")), 404, "This endpoint does not exist.");
        expectError(mvc.perform(get(URL + "/folder-raises/extra")), 404, "This endpoint does not exist.");
        expectError(mvc.perform(get(URL + "/a/b/c")), 404, "This endpoint does not exist.");
        expectError(mvc.perform(delete(URL + "/foo")), 404, "This endpoint does not exist.");
        // Tachi's router only has GET /folder-raises: another method falls through to its 404 too
        expectError(mvc.perform(post(URL + "/folder-raises")), 404, "This endpoint does not exist.");
    }

    @Test
    void otherPathsUnderAnUnknownSessionAreTheUnknownSession() throws Exception {
        expectError(mvc.perform(get("/api/v1/sessions/Qnope/foo")), 404, "This session does not exist.");
        expectError(
                mvc.perform(get("/api/v1/sessions/Qnope/folder-raises/extra")), 404, "This session does not exist.");
        expectError(mvc.perform(get("/api/v1/sessions/Qnope/folder-raises")), 404, "This session does not exist.");
        expectError(
                mvc.perform(patch("/api/v1/sessions/Qnope/folder-raises/extra")), 404, "This session does not exist.");
    }
}
