package org.tachi.sessions.folders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.tachi.sessions.support.DocumentAssert.assertSameDocument;
import static org.tachi.sessions.support.DocumentAssert.parse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tachi.sessions.support.JsonResources;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * Every session of Tachi's folder-raises vectors (src/test/resources/folder-raises-golden, from the shared
 * data set) loaded into the database and asked for over a real socket: status and body equal to Tachi's.
 * Folder groups are compared as a set (Tachi's folder order varies from request to request), each group's
 * entries in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FolderRaisesGoldenHttpTest extends MongoIntegrationTest {

    private static final String FOLDER = "/folder-raises-golden";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();

    @TestFactory
    Stream<DynamicNode> everyVectorAnswersAsTachiDid() {
        return JsonResources.files(FOLDER).stream().map(file -> {
            Document vector = JsonResources.read(file);
            Document expected = vector.get("expected", Document.class);
            return DynamicContainer.dynamicContainer(
                    file.getFileName().toString(),
                    Stream.concat(
                            Stream.of(dynamicTest("load into fresh collections", () -> load(vector))),
                            expected.keySet().stream()
                                    .map(id -> dynamicTest(id + " " + label(vector, id), () -> check(vector, id)))));
        });
    }

    /**
     * Dropped rather than emptied: the embedded server reuses the slots of deleted documents, so only a
     * fresh collection returns {@code folder-chart-lookup} in insertion order. The service's own start-up
     * index creation then runs again.
     */
    private void load(Document vector) throws Exception {
        for (String name : mongo.getCollectionNames()) {
            mongo.getCollection(name).drop();
        }
        context.getBean("indexInitializer", ApplicationRunner.class).run(null);
        insertCollections(vector.get("collections", Document.class));
    }

    private void check(Document vector, String sessionID) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/sessions/" + sessionID + "/folder-raises"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Document expected = vector.get("expected", Document.class).get(sessionID, Document.class);
        Document actual = parse(response.body());
        assertThat(response.statusCode())
                .isEqualTo(vector.get("status", Document.class).getInteger(sessionID));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(actual.get("success")).isEqualTo(expected.get("success"));
        assertThat(actual.get("description")).isEqualTo(expected.get("description"));
        if (expected.containsKey("body")) {
            assertSameDocument(
                    byFolder(expected.getList("body", Document.class)),
                    byFolder(actual.getList("body", Document.class)));
        }
    }

    /** Entries grouped by folderID, groups sorted by folderID; each folder's entries must be contiguous. */
    private static Map<String, List<Document>> byFolder(List<Document> body) {
        Map<String, List<Document>> groups = new LinkedHashMap<>();
        String previous = null;
        for (Document entry : body) {
            String folderID = entry.get("folder", Document.class).getString("folderID");
            if (!folderID.equals(previous)) {
                assertThat(groups)
                        .as("entries of folder %s are contiguous", folderID)
                        .doesNotContainKey(folderID);
            }
            groups.computeIfAbsent(folderID, f -> new ArrayList<>()).add(entry);
            previous = folderID;
        }
        Map<String, List<Document>> sorted = new LinkedHashMap<>();
        groups.keySet().stream().sorted().forEach(folderID -> sorted.put(folderID, groups.get(folderID)));
        return sorted;
    }

    private static String label(Document vector, String sessionID) {
        String label = vector.get("meta", Document.class)
                .get("sessions", Document.class)
                .getString(sessionID);
        return label.length() > 60 ? label.substring(0, 60) + "..." : label;
    }
}
