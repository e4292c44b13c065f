package org.tachi.sessions.ops;

import com.mongodb.MongoException;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * MongoDB's health for {@code /actuator/health} and the readiness group, by {@code { ping: 1 }}
 * on the service's database. Replaces Boot's own indicator (same bean name, so Boot's backs off),
 * which runs {@code { hello: 1 }}: the embedded mongo-java-server does not know {@code hello} and
 * would always look DOWN, while {@code ping} works there and on a real {@code mongod}.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            mongo.getDb().runCommand(PING);
            builder.up();
        } catch (MongoException unavailable) {
            // No stack trace per probe: mongo.MongoAvailabilityLog logs the outage once.
            builder.down();
        }
    }
}
