package org.tachi.sessions.embedded;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The embedded database's health for {@code /actuator/health} and the readiness group, by
 * {@code { ping: 1 }}. Boot's own indicator (used with a real MongoDB) runs {@code { hello: 1 }},
 * which mongo-java-server does not know, so it would always report DOWN here.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.getDb().runCommand(PING);
        builder.up();
    }
}
