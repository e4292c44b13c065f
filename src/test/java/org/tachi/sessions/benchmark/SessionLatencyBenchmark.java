package org.tachi.sessions.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonReader;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tachi.sessions.TachiSessionsApplication;
import org.tachi.sessions.embedded.EmbeddedMongoServer;

/**
 * GET latency of a 1-score and a 300-score session whose charts all have earlier scores (so every
 * scoreInfo entry needs a previous best), on the embedded database loaded with the full SDVX
 * catalogue (2,239 songs, 8,307 charts). Both sessions are measured the same way, interleaved,
 * over loopback HTTP after a warm-up. Run with {@code scripts/benchmark.sh}; not part of the tests.
 */
public final class SessionLatencyBenchmark {

    private static final int WARMUP = 300;

    private static final int MEASURED = 2000;

    public static void main(String[] args) throws Exception {
        EmbeddedMongoServer database = new EmbeddedMongoServer();
        ConfigurableApplicationContext app = SpringApplication.run(
                TachiSessionsApplication.class,
                "--server.port=0",
                "--spring.mongodb.uri=" + database.connectionString().getConnectionString(),
                // thousands of GETs from one address: the limiter stays in the path, its 429 is not measured
                "--tachi.rate-limit.requests=" + Integer.MAX_VALUE,
                "--logging.level.root=WARN");
        try {
            MongoTemplate mongo = app.getBean(MongoTemplate.class);
            seed(mongo);
            String base =
                    "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/v1/sessions/";
            HttpClient http = HttpClient.newHttpClient();
            for (String session : List.of("Qbench1", "Qbench300")) {
                System.out.printf(
                        "%s body: %d bytes of JSON, %d gzipped%n",
                        session, size(http, base + session, "identity"), size(http, base + session, "gzip"));
            }
            List<Long> one = new ArrayList<>();
            List<Long> large = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                long small = time(http, base + "Qbench1");
                long big = time(http, base + "Qbench300");
                if (i >= WARMUP) {
                    one.add(small);
                    large.add(big);
                }
            }
            System.out.println(report("1-score session", one));
            System.out.println(report("300-score session", large));
        } finally {
            app.close();
            database.close();
        }
    }

    private static int size(HttpClient http, String url, String encoding) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept-Encoding", encoding)
                                .build(),
                        BodyHandlers.ofByteArray())
                .body()
                .length;
    }

    private static long time(HttpClient http, String url) throws Exception {
        long start = System.nanoTime();
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return elapsed;
    }

    private static String report(String label, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(
                "%-18s n=%d  median=%.2f ms  p90=%.2f ms  p99=%.2f ms",
                label, sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static void seed(MongoTemplate mongo) throws IOException {
        List<Document> songs = array("benchmark/full-songs-sdvx.json");
        List<Document> charts = array("benchmark/full-charts-sdvx.json");
        mongo.getCollection("songs-sdvx").insertMany(songs);
        mongo.getCollection("charts-sdvx").insertMany(charts);
        mongo.getCollection("users")
                .insertOne(new Document("id", 1).append("username", "bench").append("authLevel", 1));
        Random random = new Random(42);
        List<Document> scores = new ArrayList<>();
        List<String> large = new ArrayList<>();
        for (int i = 0; i < 301; i++) {
            Document chart = charts.get(i * 7);
            for (int earlier = 0; earlier < 3; earlier++) {
                scores.add(
                        score("Tbench-" + i + "-old" + earlier, chart, 1_600_000_000_000L + i * 10 + earlier, random));
            }
            Document played = score("Tbench-" + i + "-new", chart, 1_700_000_000_000L + i, random);
            scores.add(played);
            if (i < 300) {
                large.add(played.getString("scoreID"));
            }
        }
        mongo.getCollection("scores").insertMany(scores);
        mongo.getCollection("sessions")
                .insertMany(List.of(session("Qbench300", large), session("Qbench1", List.of("Tbench-300-new"))));
    }

    private static Document session(String sessionID, List<String> scoreIDs) {
        return new Document("sessionID", sessionID)
                .append("userID", 1)
                .append("name", sessionID)
                .append("desc", null)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("highlight", false)
                .append("scoreIDs", scoreIDs)
                .append("timeInserted", 1_700_000_100_000L)
                .append("timeStarted", 1_700_000_000_000L)
                .append("timeEnded", 1_700_000_100_000L)
                .append("calculatedData", new Document("ProfileVF6", null));
    }

    private static Document score(String scoreID, Document chart, long timeAchieved, Random random) {
        String[] lamps = {"FAILED", "CLEAR", "EXCESSIVE CLEAR", "ULTIMATE CHAIN", "PERFECT ULTIMATE CHAIN"};
        int lamp = random.nextInt(lamps.length);
        int value = 8_000_000 + random.nextInt(2_000_000);
        return new Document("service", "benchmark")
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("userID", 1)
                .append(
                        "scoreData",
                        new Document("score", value)
                                .append("lamp", lamps[lamp])
                                .append("grade", "AA")
                                .append(
                                        "judgements",
                                        new Document("critical", 1500)
                                                .append("near", 40)
                                                .append("miss", 3))
                                .append(
                                        "optional",
                                        new Document("fast", 20)
                                                .append("slow", 20)
                                                .append("exScore", 3000)
                                                .append("enumIndexes", new Document()))
                                .append("enumIndexes", new Document("lamp", lamp).append("grade", 6)))
                .append("scoreMeta", new Document())
                .append("calculatedData", new Document("VF6", 0.4))
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

    private static List<Document> array(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            String json = "{\"a\": " + new String(in.readAllBytes(), StandardCharsets.UTF_8) + "}";
            Document wrapper = new DocumentCodec()
                    .decode(new JsonReader(json), DecoderContext.builder().build());
            return wrapper.getList("a", Document.class);
        }
    }

    private SessionLatencyBenchmark() {}
}
