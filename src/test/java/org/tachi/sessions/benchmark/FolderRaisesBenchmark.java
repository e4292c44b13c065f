package org.tachi.sessions.benchmark;

import static org.tachi.sessions.benchmark.BenchmarkDocuments.array;
import static org.tachi.sessions.benchmark.BenchmarkDocuments.scoreData;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tachi.sessions.TachiSessionsApplication;

/**
 * Queries and latency of {@code GET /api/v1/sessions/:sessionID/folder-raises} for a 200-score session, on
 * the embedded database loaded with the full SDVX catalogue (8,307 charts) and Tachi-shaped level folders
 * shaped like Tachi's seed folders ("Level 17 (EXCEED GEAR)"...: levels 1 to 20 of EXCEED GEAR, VIVID WAVE and
 * Konaste, active, and of HEAVENLY HAVEN, inactive: 80 folders) with their folder-chart-lookup. The owner has two earlier scores on
 * every level 17 and 18 chart, so previousCount aggregates real history. The plain GET of the same session is
 * measured alongside, interleaved. Run with {@code scripts/benchmark.sh FolderRaisesBenchmark}; not a test.
 */
public final class FolderRaisesBenchmark {

    private static final int WARMUP = 10;

    private static final int MEASURED = 40;

    /** Tachi's seed folders for sdvx: every level of these four versions, HEAVENLY HAVEN's inactive. */
    private static final List<String> VERSIONS = List.of("exceed", "heaven", "konaste", "vivid");

    private static final List<String> ACTIVE = List.of("exceed", "konaste", "vivid");

    /** Each database command of the last request: its name and round-trip time as the driver saw it. */
    private static final List<String> COMMANDS = Collections.synchronizedList(new ArrayList<>());

    private static final Map<Integer, String> TARGETS = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(TachiSessionsApplication.class);
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("countCommands", (MongoClientSettingsBuilderCustomizer) settings ->
                        settings.addCommandListener(new CommandListener() {
                            @Override
                            public void commandStarted(CommandStartedEvent event) {
                                TARGETS.put(
                                        event.getRequestId(),
                                        event.getCommandName() + " "
                                                + event.getCommand().get(event.getCommandName()));
                            }

                            @Override
                            public void commandSucceeded(CommandSucceededEvent event) {
                                COMMANDS.add(String.format(
                                        "%-40s %6.1f ms",
                                        TARGETS.remove(event.getRequestId()),
                                        event.getElapsedTime(TimeUnit.MICROSECONDS) / 1000.0));
                            }
                        })));
        ConfigurableApplicationContext app =
                application.run("--server.port=0", "--tachi.demo-data.enabled=false", "--logging.level.root=WARN");
        try {
            seed(app.getBean(MongoTemplate.class));
            String session = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                    + "/api/v1/sessions/Qbench200";
            String raises = session + "/folder-raises";
            HttpClient http = HttpClient.newHttpClient();
            System.out.println("load average before: " + loadAverage());
            for (int i = 0; i < WARMUP; i++) {
                time(http, raises);
            }
            COMMANDS.clear();
            Document body = Document.parse(new String(get(http, raises, "identity"), StandardCharsets.UTF_8));
            List<String> commands = List.copyOf(COMMANDS);
            System.out.printf(
                    "folder-raises: %d database commands per request; %d entries in %d folders; %d bytes of JSON,"
                            + " %d gzipped%n",
                    commands.size(),
                    body.getList("body", Document.class).size(),
                    body.getList("body", Document.class).stream()
                            .map(e -> e.get("folder", Document.class).get("folderID"))
                            .distinct()
                            .count(),
                    get(http, raises, "identity").length,
                    get(http, raises, "gzip").length);
            commands.forEach(command -> System.out.println("  " + command));
            List<Long> raisesTimes = new ArrayList<>();
            List<Long> sessionTimes = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                long r = time(http, raises);
                long s = time(http, session);
                if (i >= WARMUP) {
                    raisesTimes.add(r);
                    sessionTimes.add(s);
                }
            }
            System.out.println(report("folder-raises", raisesTimes));
            System.out.println(report("GET session", sessionTimes));
            System.out.println("load average after: " + loadAverage());
        } finally {
            app.close();
        }
    }

    private static byte[] get(HttpClient http, String url, String encoding) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept-Encoding", encoding)
                                .build(),
                        BodyHandlers.ofByteArray())
                .body();
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
                "%-14s n=%d  median=%.2f ms  p90=%.2f ms  p99=%.2f ms",
                label, sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    private static String loadAverage() throws IOException {
        Path proc = Path.of("/proc/loadavg");
        return Files.exists(proc) ? Files.readString(proc).strip() : "n/a";
    }

    private static void seed(MongoTemplate mongo) throws IOException {
        List<Document> charts = array("benchmark/full-charts-sdvx.json");
        mongo.getCollection("songs-sdvx").insertMany(array("benchmark/full-songs-sdvx.json"));
        mongo.getCollection("charts-sdvx").insertMany(charts);
        mongo.getCollection("users")
                .insertOne(new Document("id", 1).append("username", "bench").append("authLevel", 1));
        List<Document> folders = new ArrayList<>();
        List<Document> lookup = new ArrayList<>();
        for (String version : VERSIONS) {
            for (int level = 1; level <= 20; level++) {
                String folderID = "Fbench-" + version + "-" + level;
                folders.add(
                        new Document("data", new Document("level", String.valueOf(level)).append("versions", version))
                                .append("folderID", folderID)
                                .append("game", "sdvx")
                                .append("inactive", !ACTIVE.contains(version))
                                .append("playtype", "Single")
                                .append("searchTerms", List.of())
                                .append("title", "Level " + level + " (" + version + ")")
                                .append("type", "charts"));
                for (Document chart : charts) {
                    if (chart.getString("level").equals(String.valueOf(level))
                            && chart.getList("versions", String.class).contains(version)) {
                        lookup.add(new Document("chartID", chart.get("chartID")).append("folderID", folderID));
                    }
                }
            }
        }
        mongo.getCollection("folders").insertMany(folders);
        mongo.getCollection("folder-chart-lookup").insertMany(lookup);
        System.out.printf("seeded %d folders, %d lookup entries%n", folders.size(), lookup.size());

        Random random = new Random(42);
        List<Document> scores = new ArrayList<>();
        List<String> session = new ArrayList<>();
        int i = 0;
        for (Document chart : charts) {
            String level = chart.getString("level");
            if (!level.equals("17") && !level.equals("18")) {
                continue;
            }
            for (int earlier = 0; earlier < 2; earlier++) {
                scores.add(
                        score("Tbench-" + i + "-old" + earlier, chart, 1_600_000_000_000L + i * 10L + earlier, random));
            }
            if (session.size() < 200 && i % 7 == 0) {
                Document played = score("Tbench-" + i + "-new", chart, 1_700_000_000_000L + i, random);
                scores.add(played);
                session.add(played.getString("scoreID"));
            }
            i++;
        }
        mongo.getCollection("scores").insertMany(scores);
        mongo.getCollection("sessions")
                .insertOne(BenchmarkDocuments.session(
                        "Qbench200", session, 1_700_000_100_000L, 1_700_000_000_000L, 1_700_000_100_000L, null));
        System.out.printf("seeded %d scores, %d in the session%n", scores.size(), session.size());
    }

    private static Document score(String scoreID, Document chart, long time, Random random) {
        String[] lamps = {"FAILED", "CLEAR", "EXCESSIVE CLEAR", "MAXXIVE CLEAR", "ULTIMATE CHAIN"};
        String[] grades = {"D", "C", "B", "A", "A+", "AA", "AA+", "AAA", "AAA+", "S"};
        int lamp = random.nextInt(lamps.length);
        int grade = random.nextInt(grades.length);
        int value = 8_000_000 + grade * 200_000 + random.nextInt(100_000);
        Document optional = new Document("fast", 20)
                .append("slow", 20)
                .append("exScore", 3000)
                .append("enumIndexes", new Document());
        return BenchmarkDocuments.score(
                scoreID, 1, chart, time, scoreData(value, lamps[lamp], lamp, grades[grade], grade, optional), 0.4);
    }

    private FolderRaisesBenchmark() {}
}
