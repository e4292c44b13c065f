package org.tachi.sessions.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tachi.sessions.support.DocumentAssert.assertSameDocument;
import static org.tachi.sessions.support.DocumentAssert.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * What is stored comes back unchanged: real song and chart documents of several games (Tachi's
 * seeds), scores in Tachi's shapes with nested data, nulls, longs and doubles.
 */
@AutoConfigureMockMvc
class SessionFidelityTest extends MongoIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyStoredFieldComesBackAsStoredForEveryGame() throws Exception {
        Document catalog = Document.parse(
                new ClassPathResource("fidelity/seed-catalog.json").getContentAsString(StandardCharsets.UTF_8));
        for (String game : catalog.keySet()) {
            Document seeds = catalog.get(game, Document.class);
            List<Document> songs = seeds.getList("songs", Document.class);
            List<Document> charts = seeds.getList("charts", Document.class);
            mongo.getCollection("songs-" + game).insertMany(copies(songs));
            mongo.getCollection("charts-" + game).insertMany(copies(charts));

            List<Document> scores = new ArrayList<>();
            List<String> scoreIDs = new ArrayList<>();
            for (int i = 0; i < charts.size(); i++) {
                Document chart = charts.get(i);
                Document score = tachiScore(game, "T" + game + i, chart, i);
                scores.add(score);
                scoreIDs.add(score.getString("scoreID"));
            }
            mongo.getCollection("scores").insertMany(copies(scores));
            Document session = tachiSession("Q" + game, game, scoreIDs);
            mongo.getCollection("sessions").insertOne(new Document(session));
            Document user = new Document("id", 1)
                    .append("username", "alice")
                    .append("socialMedia", new Document())
                    .append("status", null)
                    .append("authLevel", 1)
                    .append("joinDate", 1619454485988L);
            if (mongo.getCollection("users").countDocuments() == 0) {
                mongo.getCollection("users").insertOne(new Document(user));
            }

            String json = mvc.perform(get("/api/v1/sessions/Q" + game))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            Document body = parse(json).get("body", Document.class);

            assertSameDocument(session, body.get("session"));
            assertSameDocument(scores, body.get("scores"));
            List<Object> playedSongIDs =
                    charts.stream().map(chart -> chart.get("songID")).toList();
            assertSameDocument(
                    sortedBy(
                            songs.stream()
                                    .filter(song -> playedSongIDs.contains(song.get("id")))
                                    .toList(),
                            "id"),
                    body.get("songs"));
            assertSameDocument(
                    charts.stream()
                            .sorted((a, b) -> a.getString("chartID").compareTo(b.getString("chartID")))
                            .toList(),
                    body.get("charts"));
            assertSameDocument(user, body.get("user"));
            assertThat(json).doesNotContain("\"_id\"");
        }
    }

    @Test
    void numbersArePrintedAsTachiPrintsThem() throws Exception {
        insert(
                "sessions",
                tachiSession("Qnum", "sdvx", List.of())
                        .append("timeInserted", 1.619454485988E12)
                        .append("asDouble", 0.0)
                        .append("negativeZero", -0.0)
                        .append("decimal", 99.123)
                        .append("tiny", 1.0E-7)
                        .append("huge", 1.0E21)
                        .append("int64", 1619454485988L)
                        .append("int32", 42));
        String json = mvc.perform(get("/api/v1/sessions/Qnum"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .contains(
                        "\"timeInserted\":1619454485988,",
                        "\"asDouble\":0,",
                        "\"negativeZero\":0,",
                        "\"decimal\":99.123,",
                        "\"tiny\":1e-7,",
                        "\"huge\":1e+21,",
                        "\"int64\":1619454485988,",
                        "\"int32\":42");
    }

    static Document tachiScore(String game, String scoreID, Document chart, int i) {
        return new Document("service", "Fidelity Test")
                .append("game", game)
                .append("playtype", chart.getString("playtype"))
                .append("userID", 1)
                .append(
                        "scoreData",
                        new Document("score", 9_000_000 + i)
                                .append("percent", 97.5 + i / 10.0)
                                .append("lamp", "CLEAR")
                                .append(
                                        "judgements",
                                        new Document("critical", 1200)
                                                .append("near", 13 + i)
                                                .append("miss", null))
                                .append(
                                        "optional",
                                        new Document("fast", 79)
                                                .append("slow", 18)
                                                .append("gaugeHistory", List.of(100.0, 98.5, 0.0, 12))
                                                .append("enumIndexes", new Document()))
                                .append("grade", "AA+")
                                .append("enumIndexes", new Document("lamp", 1).append("grade", 6)))
                .append("scoreMeta", new Document("inputDevice", null))
                .append("calculatedData", new Document("VF6", 0.074).append("rating", null))
                .append("timeAchieved", 1619454485988L + i)
                .append("songID", chart.get("songID"))
                .append("chartID", chart.getString("chartID"))
                .append("highlight", false)
                .append("comment", null)
                .append("timeAdded", 1.619454485988E12)
                .append("isPrimary", true)
                .append("scoreID", scoreID)
                .append("importType", "ir/direct-manual");
    }

    static Document tachiSession(String sessionID, String game, List<String> scoreIDs) {
        return new Document("userID", 1)
                .append("name", "Session of " + game)
                .append("sessionID", sessionID)
                .append("desc", null)
                .append("game", game)
                .append("playtype", "Single")
                .append("highlight", false)
                .append("scoreIDs", scoreIDs)
                .append("timeInserted", 1619454485999L)
                .append("timeStarted", 1619454485988L)
                .append("timeEnded", 1619454486988L)
                .append("calculatedData", new Document("ProfileVF6", null).append("naiveRating", 13.25));
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(Document::new).toList();
    }

    private static List<Document> sortedBy(List<Document> documents, String key) {
        return documents.stream()
                .sorted((a, b) ->
                        Double.compare(((Number) a.get(key)).doubleValue(), ((Number) b.get(key)).doubleValue()))
                .toList();
    }
}
