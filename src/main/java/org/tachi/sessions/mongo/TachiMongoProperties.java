package org.tachi.sessions.mongo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ensureIndexes create Tachi's unique lookup indexes at start-up (no-ops on a Tachi
 * database, which already has them)
 * @param serverSelectionTimeout how long a request waits for an unreachable MongoDB before it
 * fails with 503, unless the connection string sets {@code serverSelectionTimeoutMS}
 * @param connectTimeout TCP connect timeout, unless the connection string sets {@code connectTimeoutMS}
 * @param maxTime how long MongoDB may work on any one query ({@code maxTimeMS}) before it gives up
 * and the request answers 503
 */
@ConfigurationProperties("tachi.mongodb")
public record TachiMongoProperties(
        boolean ensureIndexes, Duration serverSelectionTimeout, Duration connectTimeout, Duration maxTime) {

    public TachiMongoProperties {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        maxTime = maxTime == null ? Duration.ofSeconds(5) : maxTime;
    }
}
