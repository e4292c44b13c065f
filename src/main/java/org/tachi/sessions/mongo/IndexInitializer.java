package org.tachi.sessions.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tachi.sessions.catalog.Games;

/**
 * Creates the unique indexes every lookup of this service relies on, with exactly Tachi's keys and
 * options, so on a Tachi database they already exist and this is a no-op.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IndexInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);

    private final MongoTemplate mongo;

    private final TachiMongoProperties properties;

    IndexInitializer(MongoTemplate mongo, TachiMongoProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * Collection → the fields of its unique index, in key order. {@code folder-chart-lookup}'s is
     * Tachi's compound {@code {chartID, folderID}}; Tachi's other (non-unique) indexes on it and on
     * {@code folders} are not ensured.
     */
    public static Map<String, List<String>> uniqueKeys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("sessions", List.of("sessionID"));
        keys.put("scores", List.of("scoreID"));
        keys.put("users", List.of("id"));
        keys.put("api-tokens", List.of("token"));
        keys.put("folders", List.of("folderID"));
        keys.put("folder-chart-lookup", List.of("chartID", "folderID"));
        Games.ALL.stream().sorted().forEach(game -> {
            keys.put("songs-" + game, List.of("id"));
            keys.put("charts-" + game, List.of("chartID"));
        });
        return keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.ensureIndexes()) {
            log.info("Not creating indexes (tachi.mongodb.ensure-indexes=false)");
            return;
        }
        try {
            uniqueKeys()
                    .forEach((collection, key) -> mongo.getCollection(collection)
                            .createIndex(Indexes.ascending(key), new IndexOptions().unique(true)));
            log.info(
                    "Ensured the unique indexes of {} collections", uniqueKeys().size());
        } catch (MongoException failure) {
            // Start anyway: a Tachi database already has these indexes, and requests answer 503
            // until MongoDB is reachable. They are ensured again at the next start.
            log.warn("Could not ensure the unique indexes ({}); starting without", failure.getMessage());
        }
    }
}
