package org.tachi.sessions.scoreinfo;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.tachi.sessions.support.JsonResources;

/**
 * One file of Tachi's golden answers (src/test/resources/scoreinfo-golden, see the README of the shared
 * data set): the documents Tachi's database held, and what Tachi answered for each session.
 */
record GoldenFile(String name, Document root) {

    private static final String FOLDER = "/scoreinfo-golden";

    /** What the calculator is given for one session, built from the file as the service's queries would. */
    record Inputs(Document session, List<Document> sessionScores, List<Document> earlierScores) {}

    static List<String> names() {
        return JsonResources.files(FOLDER).stream()
                .map(p -> p.getFileName().toString())
                .toList();
    }

    static GoldenFile load(String name) {
        return new GoldenFile(
                name, JsonResources.read(JsonResources.folder(FOLDER).resolve(name)));
    }

    /** Session IDs Tachi answered, in file order (the unknown-ID 404 case included). */
    List<String> expectedSessionIDs() {
        return List.copyOf(root.get("expected", Document.class).keySet());
    }

    /** The HTTP status Tachi answered with; only edge-cases.json records one, the rest are all 200. */
    int status(String sessionID) {
        Document statuses = root.get("status", Document.class);
        return statuses == null ? 200 : statuses.getInteger(sessionID);
    }

    String label(String sessionID) {
        return root.get("meta", Document.class).get("sessions", Document.class).getString(sessionID);
    }

    List<Document> expectedScoreInfo(String sessionID) {
        return root.get("expected", Document.class)
                .get(sessionID, Document.class)
                .get("body", Document.class)
                .getList("scoreInfo", Document.class);
    }

    Inputs inputsFor(String sessionID) {
        Document session = collection("sessions").stream()
                .filter(s -> sessionID.equals(s.getString("sessionID")))
                .findFirst()
                .orElseThrow();
        Set<String> scoreIDs = Set.copyOf(session.getList("scoreIDs", String.class));
        List<Document> sessionScores = collection("scores").stream()
                .filter(s -> scoreIDs.contains(s.getString("scoreID")))
                .sorted(Comparator.comparing(s -> s.getString("scoreID")))
                .toList();
        Set<Object> chartIDs = sessionScores.stream().map(s -> s.get("chartID")).collect(Collectors.toSet());
        List<Document> earlierScores = collection("scores").stream()
                .filter(s -> Objects.equals(s.get("userID"), session.get("userID")))
                .filter(s -> chartIDs.contains(s.get("chartID")))
                .filter(s -> !session.containsKey("timeStarted")
                        || isBefore(s.get("timeAchieved"), session.get("timeStarted")))
                .toList();
        return new Inputs(session, sessionScores, earlierScores);
    }

    /** MongoDB's {@code $lt} against a number: only numbers match. */
    private static boolean isBefore(Object timeAchieved, Object timeStarted) {
        return timeAchieved instanceof Number t
                && timeStarted instanceof Number start
                && t.doubleValue() < start.doubleValue();
    }

    private List<Document> collection(String collectionName) {
        return root.get("collections", Document.class).getList(collectionName, Document.class);
    }
}
