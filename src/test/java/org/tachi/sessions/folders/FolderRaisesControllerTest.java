package org.tachi.sessions.folders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tachi.sessions.auth.ApiTokenRepository;
import org.tachi.sessions.catalog.CatalogRepository;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.score.ScoreRepository;
import org.tachi.sessions.scoreinfo.GptCatalog;
import org.tachi.sessions.scoreinfo.ScoreInfoCalculator;
import org.tachi.sessions.session.SessionService;
import org.tachi.sessions.support.WebSliceConfiguration;
import org.tachi.sessions.user.UserRepository;

/**
 * The HTTP contract of {@code GET /api/v1/sessions/:sessionID/folder-raises}, with the real controller,
 * service, calculators, security chain and error handling, and the repositories mocked.
 */
@WebMvcTest(FolderRaisesController.class)
@Import({FolderRaisesService.class, ScoreInfoCalculator.class, GptCatalog.class, WebSliceConfiguration.class})
class FolderRaisesControllerTest {

    static final String URL = "/api/v1/sessions/Q1/folder-raises";

    static final String FOLDER_ID = "F1";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SessionService sessions;

    @MockitoBean
    ScoreRepository scores;

    @MockitoBean
    CatalogRepository catalog;

    @MockitoBean
    FolderRepository folders;

    @MockitoBean
    ApiTokenRepository tokens;

    @MockitoBean
    UserRepository users;

    Document folder;

    @BeforeEach
    void aSessionWithOneNewExcessiveClearOnAFolderOfTwoCharts() {
        Document session = new Document("sessionID", "Q1")
                .append("userID", 1)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("scoreIDs", List.of("T1"))
                .append("timeStarted", 1000L);
        given(sessions.requireExisting("Q1")).willReturn(session);
        given(scores.findByScoreIDs(List.of("T1")))
                .willReturn(List.of(new Document("scoreID", "T1")
                        .append("userID", 1)
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("chartID", "c1")
                        .append(
                                "scoreData",
                                new Document("lamp", "EXCESSIVE CLEAR")
                                        .append("grade", "A")
                                        .append("enumIndexes", new Document("lamp", 2).append("grade", 3)))));
        given(scores.findEarlierScores(session, List.of("c1"), ScoreInfoCalculator.EARLIER_SCORE_FIELDS_FOR_EVALUATE))
                .willReturn(List.of());
        given(catalog.findExistingChartIDs("sdvx", List.of("c1"))).willReturn(Set.of("c1"));
        given(folders.findFolderIDsHolding(List.of("c1"))).willReturn(List.of(FOLDER_ID));
        folder = new Document("folderID", FOLDER_ID)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("inactive", false)
                .append("title", "Level 17");
        given(folders.findActive(List.of(FOLDER_ID))).willReturn(List.of(folder));
        given(folders.findChartIDsOf(List.of(FOLDER_ID))).willReturn(Map.of(FOLDER_ID, List.of("c2", "c1")));
        // before the session: c2 at EXCESSIVE CLEAR / AAA
        given(scores.findEnumIndexMaxima(eq(1), eq(List.of("c2", "c1")), eq(1000L), anyCollection()))
                .willReturn(List.of(new Document("_id", "c2").append("lamp", 2).append("grade", 7)));
    }

    @Test
    void answersTachisEnvelopeWithOneEntryPerRaisedValueInTachisKeyOrder() throws Exception {
        mvc.perform(get(URL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.description").value("Retrieved folder raises."))
                // the grade (index 3, A) is below sdvx's minimum A+: no grade entry
                .andExpect(jsonPath("$.body.length()").value(2))
                .andExpect(jsonPath("$.body[0].folder.title").value("Level 17"))
                .andExpect(jsonPath("$.body[0].type").value("lamp"))
                .andExpect(jsonPath("$.body[0].value").value("CLEAR"))
                .andExpect(jsonPath("$.body[0].previousCount").value(1))
                .andExpect(jsonPath("$.body[0].raisedCharts").value(contains("c1")))
                .andExpect(jsonPath("$.body[0].totalCharts").value(2))
                .andExpect(jsonPath("$.body[1].value").value("EXCESSIVE CLEAR"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.startsWith("{\"success\":true,\"description\":\"Retrieved"
                                + " folder raises.\",\"body\":[{\"folder\":{\"folderID\":\"F1\",\"game\":\"sdvx\","
                                + "\"playtype\":\"Single\",\"inactive\":false,\"title\":\"Level 17\"},"
                                + "\"previousCount\":1,\"raisedCharts\":[\"c1\"],\"type\":\"lamp\","
                                + "\"value\":\"CLEAR\",\"totalCharts\":2}")));
    }

    @Test
    void unknownSessionIs404() throws Exception {
        given(sessions.requireExisting("nope"))
                .willThrow(new ApiException(HttpStatus.NOT_FOUND, "This session does not exist."));
        expectError(mvc.perform(get("/api/v1/sessions/nope/folder-raises")), 404, "This session does not exist.");
    }

    @Test
    void whereTachiThrowsItIsTachisGeneric500WithoutTheReason() throws Exception {
        folder.put("playtype", "Double");
        expectError(mvc.perform(get(URL)), 500, "A fatal internal server error has occured.")
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("Double"))));
    }

    @Test
    void aMissingChartIs500AsInTachi() throws Exception {
        given(catalog.findExistingChartIDs(any(), any())).willReturn(Set.of());
        expectError(mvc.perform(get(URL)), 500, "A fatal internal server error has occured.");
    }

    static ResultActions expectError(ResultActions result, int status, String description) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.description").value(description))
                .andExpect(jsonPath("$.body").doesNotExist());
    }
}
