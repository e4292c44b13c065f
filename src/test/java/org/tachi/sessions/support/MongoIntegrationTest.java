package org.tachi.sessions.support;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the tests that need a real MongoDB wire-protocol server (see {@link TestDatabase}). Every
 * test starts from empty collections; the unique indexes the service creates at start-up stay.
 * {@code tachi.demo}: without a container or {@code MONGODB_URI}, the service's own embedded
 * database (its demo data is emptied before each test like everything else).
 */
@SpringBootTest
@TestPropertySource(properties = {"tachi.demo=true", "spring.mongodb.database=" + TestDatabase.DATABASE})
public abstract class MongoIntegrationTest {

    @Autowired
    protected MongoTemplate mongo;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.containerUri().ifPresent(uri -> registry.add("spring.mongodb.uri", () -> uri));
    }

    @BeforeEach
    void emptyCollections() {
        for (String name : mongo.getCollectionNames()) {
            mongo.getCollection(name).deleteMany(new Document());
        }
    }

    protected void insert(String collection, Document... documents) {
        mongo.getCollection(collection).insertMany(List.of(documents));
    }

    /**
     * Inserts each collection's documents in their order, as copies: the driver adds an {@code _id} to
     * what it inserts, and the given documents stay as they were recorded.
     */
    protected void insertCollections(Document collections) {
        for (String name : collections.keySet()) {
            List<Document> documents = collections.getList(name, Document.class);
            if (!documents.isEmpty()) {
                mongo.getCollection(name)
                        .insertMany(documents.stream().map(Document::new).toList());
            }
        }
    }

    /** What a stored document looks like when read back raw, minus {@code _id}. */
    protected Document stored(String collection, String key, Object value) {
        Document document =
                mongo.getCollection(collection).find(new Document(key, value)).first();
        if (document != null) {
            document.remove("_id");
        }
        return document;
    }
}
