package org.tachi.sessions.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;
import org.tachi.sessions.support.TestDatabase;

/**
 * Demo data reaches an external MongoDB only on the explicit opt-in, never twice, never over
 * existing data. "External" here is a MongoDB the service did not start itself: the test's
 * mongo:7 container when Docker runs, else a separate mongo-java-server.
 */
class ExternalDemoDataLoaderTest {

    static final String DEMO_SESSION = "Q887e24ce0ea4be0bb99b9206d310bda8f16859f7";

    static final int DEMO_SESSIONS = 18;

    private static EmbeddedMongoServer separateServer;

    static synchronized String externalUri() {
        return TestDatabase.containerUri().orElseGet(() -> {
            if (separateServer == null) {
                separateServer = new EmbeddedMongoServer();
            }
            return separateServer.connectionString().getConnectionString();
        });
    }

    @AfterAll
    static void stopSeparateServer() {
        if (separateServer != null) {
            separateServer.close();
            separateServer = null;
        }
    }

    static void external(DynamicPropertyRegistry registry, String database) {
        registry.add("MONGODB_URI", ExternalDemoDataLoaderTest::externalUri);
        registry.add("spring.mongodb.database", () -> database);
    }

    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(properties = "tachi.demo-data.load-into-external=true")
    @DirtiesContext
    class WithTheOptIn {

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            external(registry, "tachi_demo_optin_test");
        }

        @Autowired
        MongoTemplate mongo;

        @Autowired
        ApplicationContext context;

        @Test
        void loadsOnceAndNeverOverwrites() throws Exception {
            try {
                assertThat(mongo.getCollection("sessions").countDocuments()).isEqualTo(DEMO_SESSIONS);
                mongo.getCollection("sessions")
                        .updateOne(
                                new Document("sessionID", DEMO_SESSION),
                                new Document("$set", new Document("name", "Changed by its owner")));

                context.getBean(DemoDataLoader.class).afterPropertiesSet();

                assertThat(mongo.getCollection("sessions").countDocuments()).isEqualTo(DEMO_SESSIONS);
                assertThat(mongo.getCollection("sessions")
                                .find(new Document("sessionID", DEMO_SESSION))
                                .first())
                        .containsEntry("name", "Changed by its owner");
            } finally {
                mongo.getDb().drop();
            }
        }
    }

    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest
    @DirtiesContext
    class WithoutTheOptIn {

        @DynamicPropertySource
        static void database(DynamicPropertyRegistry registry) {
            external(registry, "tachi_demo_no_optin_test");
        }

        @Autowired
        MongoTemplate mongo;

        @Autowired
        ApplicationContext context;

        @Test
        void anExternalDatabaseGetsNoDemoData() {
            try {
                assertThat(context.getBeansOfType(DemoDataLoader.class)).isEmpty();
                assertThat(mongo.getCollection("sessions").countDocuments()).isZero();
                assertThat(mongo.getCollection("api-tokens").countDocuments()).isZero();
            } finally {
                mongo.getDb().drop();
            }
        }
    }
}
