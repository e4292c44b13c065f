package org.tachi.sessions.mongo;

import com.mongodb.ConnectionString;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's MongoDB client (connection string {@code spring.mongodb.uri}, i.e. {@code MONGODB_URI};
 * database {@code spring.mongodb.database}, else the URI's path), made to fail fast.
 */
@Configuration(proxyBeanMethods = false)
class MongoConnectionConfiguration {

    /**
     * Fail fast while MongoDB is unreachable, so requests answer 503 within seconds instead of the
     * driver's 30 s default; the driver reconnects by itself once MongoDB is back.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer failFastTimeouts(
            MongoConnectionDetails details, TachiMongoProperties properties) {
        ConnectionString connectionString = details.getConnectionString();
        return settings -> {
            if (connectionString.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            if (connectionString.getConnectTimeout() == null) {
                settings.applyToSocketSettings(socket ->
                        socket.connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }
}
