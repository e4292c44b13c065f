package org.tachi.sessions.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonReader;

/**
 * What the benchmarks seed: the SDVX catalogue and user 1's scores and sessions, shaped as Tachi stores
 * them after a direct-manual import.
 */
final class BenchmarkDocuments {

    private BenchmarkDocuments() {}

    /** A JSON array on the classpath (the catalogue, e.g. {@code benchmark/full-charts-sdvx.json}). */
    static List<Document> array(String resource) throws IOException {
        try (InputStream in = BenchmarkDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            String json = "{\"a\": " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}";
            return new DocumentCodec()
                    .decode(new JsonReader(json), DecoderContext.builder().build())
                    .getList("a", Document.class);
        }
    }

    /** An sdvx Single score on {@code chart}. */
    static Document score(
            String scoreID, int userID, Document chart, long timeAchieved, Document scoreData, double vf6) {
        return new Document("service", "benchmark")
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("userID", userID)
                .append("scoreData", scoreData)
                .append("scoreMeta", new Document())
                .append("calculatedData", new Document("VF6", vf6))
                .append("timeAchieved", timeAchieved)
                .append("songID", chart.get("songID"))
                .append("chartID", chart.getString("chartID"))
                .append("highlight", false)
                .append("comment", null)
                .append("timeAdded", timeAchieved)
                .append("isPrimary", true)
                .append("scoreID", scoreID)
                .append("importType", "ir/direct-manual");
    }

    /** The {@code scoreData} of a score with 1,500 criticals, 40 nears and 3 misses. */
    static Document scoreData(int score, String lamp, int lampIndex, String grade, int gradeIndex, Document optional) {
        return new Document("score", score)
                .append("lamp", lamp)
                .append("grade", grade)
                .append(
                        "judgements",
                        new Document("critical", 1500).append("near", 40).append("miss", 3))
                .append("optional", optional)
                .append("enumIndexes", new Document("lamp", lampIndex).append("grade", gradeIndex));
    }

    /** User 1's sdvx Single session over {@code scoreIDs}, named by its ID. */
    static Document session(
            String sessionID,
            List<String> scoreIDs,
            long timeInserted,
            long timeStarted,
            long timeEnded,
            Double profileVF6) {
        return new Document("sessionID", sessionID)
                .append("userID", 1)
                .append("name", sessionID)
                .append("desc", null)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("highlight", false)
                .append("scoreIDs", scoreIDs)
                .append("timeInserted", timeInserted)
                .append("timeStarted", timeStarted)
                .append("timeEnded", timeEnded)
                .append("calculatedData", new Document("ProfileVF6", profileVF6));
    }
}
