package org.tachi.sessions.mongo;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ensureIndexes create Tachi's unique lookup indexes at start-up (no-ops on a Tachi
 * database, which already has them)
 * @param serverSelectionTimeout how long a request waits for an unreachable MongoDB before it
 * fails with 503, unless the connection string sets {@code serverSelectionTimeoutMS}
 * @param connectTimeout TCP connect timeout, unless the connection string sets {@code connectTimeoutMS}
 */
@ConfigurationProperties("tachi.mongodb")
@Validated
public record TachiMongoProperties(
        @DefaultValue("true") boolean ensureIndexes,

        @DefaultValue("3s") @DurationMin(millis = 1) @DurationMax(minutes = 10)
        Duration serverSelectionTimeout,

        @DefaultValue("3s") @DurationMin(millis = 1) @DurationMax(minutes = 10)
        Duration connectTimeout) {}
