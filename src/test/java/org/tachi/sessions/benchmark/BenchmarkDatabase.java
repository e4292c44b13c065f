package org.tachi.sessions.benchmark;

import static org.tachi.sessions.benchmark.BenchmarkDocuments.array;
import static org.tachi.sessions.benchmark.BenchmarkDocuments.scoreData;
import static org.tachi.sessions.benchmark.BenchmarkDocuments.session;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;

/**
 * The benchmark's database in a JVM of its own, so that its CPU is read apart from the service's:
 * the embedded server (mongo-java-server, as the service runs without {@code MONGODB_URI}) on
 * 127.0.0.1, seeded with the full SDVX catalogue and the benchmark sessions. With
 * {@code MONGODB_URI} set it seeds that database instead and starts no server. Prints
 * {@code READY <uri>} once seeded, then serves until killed.
 *
 * <p>Seeded: user 1 owns one session per size in {@link #SIZES} (and {@code Qpatch}, 1 score, for
 * PATCH runs), each score on a chart where user 1 has {@value #EARLIER_PER_CHART} earlier scores,
 * so every scoreInfo entry composes a previous best; {@value #BACKGROUND_USERS} other users hold
 * {@value #BACKGROUND_PER_USER} scores each on the same charts.
 */
public final class BenchmarkDatabase {

    static final int[] SIZES = {1, 50, 200, 1_000, 10_000};

    static final int HUGE = 50_000;

    static final String DATABASE = "tachi_benchmark";

    static final String TOKEN = "bench-token";

    private static final int EARLIER_PER_CHART = 2;

    /** Sessions over this many scores play its charts more than once (as a long session does). */
    private static final int CHARTS_USED = 2_000;

    private static final int BACKGROUND_USERS = 20;

    private static final int BACKGROUND_PER_USER = 250;

    private static final long SESSION_START = 1_700_000_000_000L;

    private static final String[] LAMPS = {
        "FAILED", "CLEAR", "EXCESSIVE CLEAR", "ULTIMATE CHAIN", "PERFECT ULTIMATE CHAIN"
    };

    public static void main(String[] args) throws Exception {
        boolean huge = List.of(args).contains("--huge");
        String uri = System.getenv("MONGODB_URI");
        MongoServer server = null;
        if (uri == null || uri.isBlank()) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + DATABASE;
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(
                    new com.mongodb.ConnectionString(uri).getDatabase() == null
                            ? DATABASE
                            : new com.mongodb.ConnectionString(uri).getDatabase());
            db.drop();
            seed(db, huge);
        }
        System.out.println("READY " + uri);
        System.out.flush();
        Thread.currentThread().join();
    }

    static void seed(MongoDatabase db, boolean huge) throws IOException {
        List<Document> songs = array("benchmark/full-songs-sdvx.json");
        List<Document> charts = array("benchmark/full-charts-sdvx.json");
        db.getCollection("songs-sdvx").insertMany(songs);
        db.getCollection("charts-sdvx").insertMany(charts);
        List<Document> users = new ArrayList<>();
        for (int id = 1; id <= BACKGROUND_USERS + 1; id++) {
            users.add(new Document("id", id)
                    .append("username", "bench" + id)
                    .append("authLevel", 1)
                    .append("about", "benchmark user " + id));
        }
        db.getCollection("users").insertMany(users);
        db.getCollection("api-tokens")
                .insertOne(new Document("token", TOKEN)
                        .append("userID", 1)
                        .append("identifier", "benchmark")
                        .append("permissions", new Document("customise_session", true)));
        Random random = new Random(42);
        int largest = huge ? HUGE : SIZES[SIZES.length - 1];
        int chartsUsed = Math.min(largest, CHARTS_USED);
        List<Document> scores = new ArrayList<>();
        for (int c = 0; c < chartsUsed; c++) {
            for (int e = 0; e < EARLIER_PER_CHART; e++) {
                scores.add(score(
                        "Tearly-" + c + "-" + e, 1, charts.get(c), SESSION_START - 1_000_000 + c * 10L + e, random));
            }
        }
        for (int u = 2; u <= BACKGROUND_USERS + 1; u++) {
            for (int i = 0; i < BACKGROUND_PER_USER; i++) {
                scores.add(score(
                        "Tbg-" + u + "-" + i, u, charts.get(random.nextInt(chartsUsed)), SESSION_START + i, random));
            }
        }
        Map<String, List<String>> sessions = new LinkedHashMap<>();
        List<Integer> sizes = new ArrayList<>();
        for (int size : SIZES) {
            sizes.add(size);
        }
        if (huge) {
            sizes.add(HUGE);
        }
        for (int size : sizes) {
            sessions.put("Qb" + size, sessionScores(scores, "Tb" + size, size, charts, chartsUsed, random));
        }
        sessions.put("Qpatch", sessionScores(scores, "Tpatch", 1, charts, chartsUsed, random));
        for (int from = 0; from < scores.size(); from += 10_000) {
            db.getCollection("scores").insertMany(scores.subList(from, Math.min(scores.size(), from + 10_000)));
        }
        sessions.forEach((sessionID, scoreIDs) -> db.getCollection("sessions")
                .insertOne(session(
                        sessionID, scoreIDs, SESSION_START + 200_000, SESSION_START, SESSION_START + 100_000, 12.345)));
    }

    private static List<String> sessionScores(
            List<Document> scores, String prefix, int size, List<Document> charts, int chartsUsed, Random random) {
        List<String> scoreIDs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Document played = score(prefix + "-" + i, 1, charts.get(i % chartsUsed), SESSION_START + i, random);
            scores.add(played);
            scoreIDs.add(played.getString("scoreID"));
        }
        return scoreIDs;
    }

    private static Document score(String scoreID, int userID, Document chart, long timeAchieved, Random random) {
        int lamp = random.nextInt(LAMPS.length);
        int value = 8_000_000 + random.nextInt(2_000_000);
        Document optional = new Document("fast", 20)
                .append("slow", 20)
                .append("exScore", 3000 + random.nextInt(500))
                .append("gauge", 71.3 + random.nextInt(100) / 10.0)
                .append("enumIndexes", new Document());
        return BenchmarkDocuments.score(
                scoreID,
                userID,
                chart,
                timeAchieved,
                scoreData(value, LAMPS[lamp], lamp, "AA", 6, optional),
                0.4 + random.nextInt(100) / 1000.0);
    }

    private BenchmarkDatabase() {}
}
