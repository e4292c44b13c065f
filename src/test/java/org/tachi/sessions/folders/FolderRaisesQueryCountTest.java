package org.tachi.sessions.folders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoCommands;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * Folder raises cost the same database commands whatever the session's size and however many folders it
 * touches (Tachi runs three queries per folder, and several per score for scoreInfo).
 */
@AutoConfigureMockMvc
@Import(MongoCommands.class)
class FolderRaisesQueryCountTest extends MongoIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void twoHundredScoresInThirtyFoldersCostTheSameQueriesAsOneScoreInOneFolder() throws Exception {
        List<String> small = commandsForSession(1, 1);
        List<String> large = commandsForSession(200, 30);
        assertThat(large).containsExactlyInAnyOrderElementsOf(small);
        // session, scores, charts, earlier scores (scoreInfo), lookup by chart, folders, lookup by folder;
        // then one aggregation of the owner's best stored indexes on the folders' charts
        assertThat(small).hasSize(8).containsOnly("find", "aggregate");
        assertThat(small).containsOnlyOnce("aggregate");
    }

    private List<String> commandsForSession(int size, int folderCount) throws Exception {
        String sessionID = "Qsize" + size;
        List<String> scoreIDs = new ArrayList<>();
        List<Document> scores = new ArrayList<>();
        List<Document> lookup = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String chartID = sessionID + "-chart" + i;
            // an earlier CLEAR on every chart: each session score raises it to EXCESSIVE CLEAR
            scores.add(score(sessionID + "-old" + i, chartID, 1000L + i, 1, "CLEAR"));
            scores.add(score(sessionID + "-new" + i, chartID, 5000L + i, 2, "EXCESSIVE CLEAR"));
            scoreIDs.add(sessionID + "-new" + i);
            mongo.getCollection("charts-sdvx").insertOne(new Document("chartID", chartID));
            for (int f = 0; f < folderCount; f++) {
                lookup.add(new Document("chartID", chartID).append("folderID", sessionID + "-folder" + f));
            }
        }
        for (int f = 0; f < folderCount; f++) {
            insert(
                    "folders",
                    new Document("folderID", sessionID + "-folder" + f)
                            .append("game", "sdvx")
                            .append("playtype", "Single")
                            .append("inactive", false)
                            .append("title", "Folder " + f));
        }
        mongo.getCollection("scores").insertMany(scores);
        mongo.getCollection("folder-chart-lookup").insertMany(lookup);
        insert(
                "sessions",
                new Document("sessionID", sessionID)
                        .append("userID", 1)
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", scoreIDs)
                        .append("timeStarted", 5000L));

        MongoCommands.clear();
        mvc.perform(get("/api/v1/sessions/" + sessionID + "/folder-raises"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.length()").value(folderCount))
                .andExpect(jsonPath("$.body[0].value").value("EXCESSIVE CLEAR"))
                .andExpect(jsonPath("$.body[0].raisedCharts.length()").value(size))
                .andExpect(jsonPath("$.body[0].previousCount").value(0));
        return MongoCommands.started();
    }

    private static Document score(String scoreID, String chartID, long time, int lampIndex, String lamp) {
        return new Document("scoreID", scoreID)
                .append("userID", 1)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("chartID", chartID)
                .append("timeAchieved", time)
                .append("timeAdded", time)
                .append(
                        "scoreData",
                        new Document("score", 9_000_000)
                                .append("lamp", lamp)
                                .append("grade", "A")
                                .append("enumIndexes", new Document("lamp", lampIndex).append("grade", 3))
                                .append("optional", new Document("enumIndexes", new Document())));
    }
}
