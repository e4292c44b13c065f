package org.tachi.sessions.mongo;

import com.mongodb.ConnectionString;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the MongoDB connection string comes from: {@code MONGODB_URI}, else Spring's own
 * {@code spring.mongodb.uri}; with neither, the service runs on its embedded database.
 */
public final class MongoUri {

    static final String DEFAULT_DATABASE = "tachi";

    private MongoUri() {}

    public static Optional<String> configured(Environment environment) {
        String uri = environment.getProperty("MONGODB_URI");
        if (!StringUtils.hasText(uri)) {
            uri = environment.getProperty("spring.mongodb.uri");
        }
        return StringUtils.hasText(uri) ? Optional.of(uri.trim()) : Optional.empty();
    }

    /**
     * The database is the URI's path; a URI without one means Tachi's default, {@code tachi}.
     */
    public static ConnectionString withDefaultDatabase(String uri) {
        ConnectionString parsed = new ConnectionString(uri);
        if (parsed.getDatabase() != null) {
            return parsed;
        }
        int hostsStart = uri.indexOf("://") + 3;
        int slash = uri.indexOf('/', hostsStart);
        int query = uri.indexOf('?', hostsStart);
        String withDatabase;
        if (slash >= 0) {
            withDatabase = uri.substring(0, slash + 1) + DEFAULT_DATABASE + uri.substring(slash + 1);
        } else if (query >= 0) {
            withDatabase = uri.substring(0, query) + "/" + DEFAULT_DATABASE + uri.substring(query);
        } else {
            withDatabase = uri + "/" + DEFAULT_DATABASE;
        }
        return new ConnectionString(withDatabase);
    }
}
