package org.tachi.sessions.support;

import java.util.Optional;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Picks the MongoDB the integration tests run against, once per test run:
 * {@code MONGODB_URI} if set; else a real {@code mongo:7} in Testcontainers when a Docker engine
 * is available; else nothing, and the service starts its embedded mongo-java-server, exactly as it
 * does with {@code --demo} and without {@code MONGODB_URI}. Tests always use their own database
 * ({@value #DATABASE}), so pointing them at a real server never touches its {@code tachi} data.
 */
public final class TestDatabase {

    public static final String DATABASE = "tachi_sessions_test";

    private static final Optional<String> CONTAINER_URI = startContainerIfPossible();

    private TestDatabase() {}

    /** The URI to give Spring as {@code spring.mongodb.uri}, if the tests do not use the embedded server. */
    public static Optional<String> containerUri() {
        return CONTAINER_URI;
    }

    public static String backend() {
        if (System.getenv("MONGODB_URI") != null) {
            return "MONGODB_URI";
        }
        return CONTAINER_URI.isPresent() ? "testcontainers mongo:7" : "embedded mongo-java-server";
    }

    private static Optional<String> startContainerIfPossible() {
        if (System.getenv("MONGODB_URI") != null || !Docker.available()) {
            return Optional.empty();
        }
        MongoDBContainer mongo = new MongoDBContainer("mongo:7");
        mongo.start();
        return Optional.of(mongo.getConnectionString());
    }
}
