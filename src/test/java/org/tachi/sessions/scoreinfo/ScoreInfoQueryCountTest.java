package org.tachi.sessions.scoreinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoCommands;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * The whole GET, scoreInfo included, costs the same database commands whatever the session's
 * size (Tachi runs several queries per score): counted by a command listener on the driver.
 */
@AutoConfigureMockMvc
@Import(MongoCommands.class)
class ScoreInfoQueryCountTest extends MongoIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aThreeHundredScoreSessionCostsTheSameQueriesAsAOneScoreSession() throws Exception {
        List<String> small = commandsForSessionOf(1);
        List<String> large = commandsForSessionOf(300);
        assertThat(large).hasSameSizeAs(small);
        assertThat(large).containsExactlyInAnyOrderElementsOf(small);
        // session, owner, scores, songs, charts, and the owner's earlier scores for scoreInfo
        assertThat(small).hasSize(6).containsOnly("find");
    }

    @Test
    void theEarlierScoresAreReadWithOnlyTheFieldsScoreInfoUses() throws Exception {
        commandsForSessionOf(2);
        BsonDocument earlierScores = MongoCommands.commands().stream()
                .filter(command -> command.containsKey("find")
                        && command.getString("find").getValue().equals("scores")
                        && command.getDocument("filter").toJson().contains("timeAchieved"))
                .findFirst()
                .orElseThrow();
        // ScoreInfoCalculatorTest pins which fields those are for sdvx Single (not the whole scoreData)
        List<String> fields = new ScoreInfoCalculator(new GptCatalog())
                .earlierScoreFields(
                        new Document("game", "sdvx").append("playtype", "Single"),
                        Set.of(new Document("game", "sdvx").append("playtype", "Single")));
        assertThat(earlierScores.getDocument("projection").keySet())
                .containsExactlyElementsOf(
                        Stream.concat(Stream.of("_id"), fields.stream()).toList())
                .doesNotContain("scoreData");
    }

    private List<String> commandsForSessionOf(int size) throws Exception {
        String sessionID = "Qsize" + size;
        List<String> scoreIDs = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String chartID = sessionID + "-chart" + i;
            // one earlier score per chart, so every scoreInfo entry needs a previous best
            documents.add(score(sessionID + "-old" + i, chartID, 1000L + i, 8_000_000));
            documents.add(score(sessionID + "-new" + i, chartID, 5000L + i, 9_000_000));
            scoreIDs.add(sessionID + "-new" + i);
            mongo.getCollection("songs-sdvx").insertOne(new Document("id", size * 1000 + i).append("title", "song"));
            mongo.getCollection("charts-sdvx")
                    .insertOne(new Document("chartID", chartID).append("songID", size * 1000 + i));
        }
        mongo.getCollection("scores").insertMany(documents);
        insert(
                "sessions",
                new Document("sessionID", sessionID)
                        .append("userID", 1)
                        .append("name", "n")
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", scoreIDs)
                        .append("timeStarted", 5000L));
        insert("users", new Document("id", 1).append("username", "alice"));

        MongoCommands.clear();
        mvc.perform(get("/api/v1/sessions/" + sessionID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body.scoreInfo.length()").value(size))
                .andExpect(jsonPath("$.body.scoreInfo[0].isNewScore").value(false));
        List<String> commands = MongoCommands.started();
        mongo.getCollection("users").deleteMany(new Document());
        return commands;
    }

    private static Document score(String scoreID, String chartID, long timeAchieved, int value) {
        return new Document("scoreID", scoreID)
                .append("userID", 1)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("songID", 1)
                .append("chartID", chartID)
                .append("timeAchieved", timeAchieved)
                .append(
                        "scoreData",
                        new Document("score", value)
                                .append("lamp", "CLEAR")
                                .append("grade", "AA")
                                .append("enumIndexes", new Document("lamp", 1).append("grade", 5))
                                .append("optional", new Document("enumIndexes", new Document())));
    }
}
