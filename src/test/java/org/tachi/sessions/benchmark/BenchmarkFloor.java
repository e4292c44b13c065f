package org.tachi.sessions.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import org.bson.BsonArray;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * The floor the service is compared with: the same database commands as the service's GET and
 * PATCH, through the bare driver with raw BSON (nothing decoded beyond the ids the next query needs),
 * then the very bytes the service answered (captured once by {@link SessionBenchmark}), over the
 * JDK's own HTTP server. No framework, no JSON writing, no scoreInfo: what any implementation pays.
 *
 * <p>Arguments: MongoDB URI, port, directory of captured bodies ({@code <sessionID>.json},
 * {@code patch.json}).
 */
public final class BenchmarkFloor {

    private static final Bson WITHOUT_ID = Projections.excludeId();

    public static void main(String[] args) throws Exception {
        MongoClient client = MongoClients.create(args[0]);
        MongoDatabase db = client.getDatabase(BenchmarkDatabase.DATABASE);
        Path bodies = Path.of(args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 256);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/api/v1/sessions/", exchange -> {
            try (exchange) {
                String sessionID = exchange.getRequestURI().getPath().substring("/api/v1/sessions/".length());
                if ("PATCH".equals(exchange.getRequestMethod())) {
                    exchange.getRequestBody().readAllBytes();
                    patch(db, sessionID);
                    send(exchange, Files.readAllBytes(bodies.resolve("patch.json")));
                } else {
                    get(db, sessionID);
                    send(exchange, Files.readAllBytes(bodies.resolve(sessionID + ".json")));
                }
            } catch (RuntimeException failure) {
                failure.printStackTrace();
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        System.out.println("READY");
        System.out.flush();
    }

    private static void get(MongoDatabase db, String sessionID) {
        RawBsonDocument session = collection(db, "sessions")
                .find(Filters.eq("sessionID", sessionID))
                .projection(WITHOUT_ID)
                .first();
        BsonValue userID = session.get("userID");
        collection(db, "users")
                .find(Filters.eq("id", userID))
                .projection(Projections.exclude("_id", "password", "email"))
                .first();
        Set<BsonValue> songIDs = new LinkedHashSet<>();
        Set<BsonValue> chartIDs = new LinkedHashSet<>();
        BsonArray scoreIDs = session.getArray("scoreIDs");
        for (RawBsonDocument score : sorted(collection(db, "scores"), "scoreID", new ArrayList<>(scoreIDs))) {
            songIDs.add(score.get("songID"));
            chartIDs.add(score.get("chartID"));
        }
        String game = session.getString("game").getValue();
        consume(sorted(collection(db, "songs-" + game), "id", new ArrayList<>(songIDs)));
        consume(sorted(collection(db, "charts-" + game), "chartID", new ArrayList<>(chartIDs)));
        consume(collection(db, "scores")
                .find(Filters.and(
                        Filters.eq("userID", userID),
                        Filters.in("chartID", new ArrayList<>(chartIDs)),
                        Filters.lt("timeAchieved", session.get("timeStarted"))))
                .projection(Projections.fields(WITHOUT_ID, Projections.include("chartID", "timeAchieved", "scoreData")))
                .batchSize(100_000));
    }

    private static void patch(MongoDatabase db, String sessionID) {
        collection(db, "api-tokens")
                .find(Filters.eq("token", BenchmarkDatabase.TOKEN))
                .projection(WITHOUT_ID)
                .first();
        collection(db, "users")
                .find(Filters.and(Filters.eq("id", 1), Filters.eq("authLevel", 0)))
                .projection(WITHOUT_ID)
                .first();
        collection(db, "sessions")
                .find(Filters.eq("sessionID", sessionID))
                .projection(WITHOUT_ID)
                .first();
        collection(db, "sessions")
                .findOneAndUpdate(
                        Filters.eq("sessionID", sessionID),
                        new Document("$set", new Document("name", SessionBenchmark.PATCHED_NAME)),
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(WITHOUT_ID));
    }

    private static Iterable<RawBsonDocument> sorted(
            MongoCollection<RawBsonDocument> collection, String field, List<BsonValue> values) {
        return collection
                .find(Filters.in(field, values))
                .projection(WITHOUT_ID)
                .sort(Sorts.ascending(field))
                .batchSize(100_000);
    }

    private static void consume(Iterable<RawBsonDocument> documents) {
        try (MongoCursor<RawBsonDocument> cursor = (MongoCursor<RawBsonDocument>) documents.iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
            }
        }
    }

    private static MongoCollection<RawBsonDocument> collection(MongoDatabase db, String name) {
        return db.getCollection(name, RawBsonDocument.class);
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private BenchmarkFloor() {}
}
