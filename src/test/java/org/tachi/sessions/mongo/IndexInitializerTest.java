package org.tachi.sessions.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.mongodb.MongoTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tachi.sessions.support.MongoIntegrationTest;

class IndexInitializerTest extends MongoIntegrationTest {

    @Autowired
    IndexInitializer indexes;

    @Test
    void createsTachisUniqueLookupIndexes() {
        assertThat(IndexInitializer.uniqueKeys())
                .containsEntry("sessions", List.of("sessionID"))
                .containsEntry("scores", List.of("scoreID"))
                .containsEntry("users", List.of("id"))
                .containsEntry("api-tokens", List.of("token"))
                .containsEntry("folders", List.of("folderID"))
                .containsEntry("folder-chart-lookup", List.of("chartID", "folderID"))
                .containsEntry("songs-iidx", List.of("id"))
                .containsEntry("charts-ddr", List.of("chartID"))
                .hasSize(6 + 2 * 17);
        IndexInitializer.uniqueKeys().forEach((collection, fields) -> {
            Document key = new Document();
            fields.forEach(field -> key.append(field, 1));
            List<Document> all = mongo.getCollection(collection).listIndexes().into(new ArrayList<>());
            assertThat(all).as(collection).anySatisfy(index -> {
                assertThat(index.get("key", Document.class)).isEqualTo(key);
                assertThat(index.getBoolean("unique")).isTrue();
            });
        });
    }

    @Test
    void runningAgainIsANoOp() throws Exception {
        indexes.run(null);
        List<Document> sessionIndexes =
                mongo.getCollection("sessions").listIndexes().into(new ArrayList<>());
        assertThat(sessionIndexes).hasSize(2); // _id and sessionID
    }

    @Test
    void anUnreachableDatabaseDoesNotStopTheStart() {
        MongoTemplate unreachable = Mockito.mock(MongoTemplate.class);
        Mockito.when(unreachable.getCollection(Mockito.anyString()))
                .thenThrow(new MongoTimeoutException("Timed out while waiting for a server"));
        IndexInitializer initializer = new IndexInitializer(unreachable, new TachiMongoProperties(true, null, null));
        assertThatNoException().isThrownBy(() -> initializer.run(null));
    }
}
