package org.tachi.sessions.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

class MongoUriTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mongodb://mongo:27017|tachi",
                "mongodb://mongo:27017/|tachi",
                "mongodb://mongo:27017/?maxPoolSize=5|tachi",
                "mongodb://mongo:27017?maxPoolSize=5|tachi",
                "mongodb://u:p@a:1,b:2/prod?authSource=admin|prod",
                "mongodb://mongo/other|other"
            })
    void databaseIsTheUriPathOrTachi(String uri, String database) {
        assertThat(MongoUri.withDefaultDatabase(uri).getDatabase()).isEqualTo(database);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"mongodb://mongo:27017/?maxPoolSize=5|5", "mongodb://mongo:27017?maxPoolSize=5|5"})
    void optionsSurviveTheDefaultDatabase(String uri, int maxPoolSize) {
        assertThat(MongoUri.withDefaultDatabase(uri).getMaxConnectionPoolSize()).isEqualTo(maxPoolSize);
    }

    @Test
    void mongodbUriWinsOverSpringsPropertyAndBlankMeansEmbedded() {
        assertThat(MongoUri.configured(new MockEnvironment()
                        .withProperty("MONGODB_URI", "mongodb://a/x")
                        .withProperty("spring.mongodb.uri", "mongodb://b/y")))
                .contains("mongodb://a/x");
        assertThat(MongoUri.configured(new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://b/y")))
                .contains("mongodb://b/y");
        assertThat(MongoUri.configured(new MockEnvironment().withProperty("MONGODB_URI", " ")))
                .isEmpty();
        assertThat(MongoUri.configured(new MockEnvironment())).isEmpty();
    }
}
