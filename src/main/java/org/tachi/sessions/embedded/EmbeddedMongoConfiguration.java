package org.tachi.sessions.embedded;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * No MongoDB configured: the embedded demo database when asked for ({@code tachi.demo}), else the
 * start-up fails with {@link NoDatabaseConfiguredException} before any port opens.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMongoCondition.class)
class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(DemoProperties properties) {
        if (!properties.demo()) {
            throw new NoDatabaseConfiguredException();
        }
        return new EmbeddedMongoServer();
    }

    /** Boot's MongoDB client connects here instead of to {@code spring.mongodb.uri}. */
    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
        return server::connectionString;
    }

    /** Replaces Boot's MongoDB health indicator (same bean name): see {@link MongoPingHealthIndicator}. */
    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
