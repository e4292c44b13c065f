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
                .containsEntry("sessions", "sessionID")
                .containsEntry("scores", "scoreID")
                .containsEntry("users", "id")
                .containsEntry("api-tokens", "token")
                .containsEntry("songs-iidx", "id")
                .containsEntry("charts-ddr", "chartID")
                .hasSize(4 + 2 * 17);
        IndexInitializer.uniqueKeys().forEach((collection, key) -> {
            List<Document> all = mongo.getCollection(collection).listIndexes().into(new ArrayList<>());
            assertThat(all).as(collection).anySatisfy(index -> {
                assertThat(index.get("key", Document.class)).isEqualTo(new Document(key, 1));
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
        IndexInitializer initializer =
                new IndexInitializer(unreachable, new TachiMongoProperties(true, null, null, null));
        assertThatNoException().isThrownBy(() -> initializer.run(null));
    }
}
