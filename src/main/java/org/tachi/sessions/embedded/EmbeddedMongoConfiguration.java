package org.tachi.sessions.embedded;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * No MongoDB configured: the embedded demo database when asked for ({@code tachi.demo}), else the
 * start-up fails with {@link NoDatabaseConfiguredException} at once.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMongoCondition.class)
class EmbeddedMongoConfiguration {

    /** Fail closed before any bean is created or Tomcat is set up: demo mode only when asked for. */
    @Bean
    static BeanFactoryPostProcessor demoModeAskedFor(Environment environment) {
        return beanFactory -> {
            if (!Binder.get(environment).bind("tachi.demo", Boolean.class).orElse(false)) {
                throw new NoDatabaseConfiguredException();
            }
        };
    }

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer() {
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
