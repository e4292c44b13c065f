package org.tachi.sessions.embedded;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tachi.sessions.mongo.IndexInitializer;

/**
 * Loads the demo data (real SDVX, CHUNITHM and maimai DX songs and charts from Tachi's seeds, two
 * users, their scores and sessions, and public API tokens) into the embedded database
 * ({@code tachi.demo}), or into a configured MongoDB only on the explicit
 * {@code tachi.demo-data.load-into-external}. It loads while the context starts, so before the web
 * server opens its port, and never overwrites: documents whose unique key (sessionID, scoreID, id,
 * chartID, token) already exists are left as they are, so running it twice is harmless.
 */
@Component
@Conditional(DemoDataLoader.Wanted.class)
class DemoDataLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final MongoTemplate mongo;

    private final Environment environment;

    private final boolean embedded;

    DemoDataLoader(MongoTemplate mongo, Environment environment) {
        this.mongo = mongo;
        this.environment = environment;
        this.embedded = !NoExternalMongoCondition.externalConfigured(environment);
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        Document demo = DemoData.read();
        int inserted = 0;
        int present = 0;
        for (String collection : demo.keySet()) {
            List<Document> documents = demo.getList(collection, Document.class);
            int added = insertMissing(collection, documents);
            inserted += added;
            present += documents.size() - added;
        }
        if (!embedded) {
            log.warn(
                    "Demo data loaded into the EXTERNAL database {} (tachi.demo-data.load-into-external=true): "
                            + "{} documents inserted, {} already present and left unchanged. "
                            + "Its API tokens are public: never do this to a production database.",
                    mongo.getDb().getName(),
                    inserted,
                    present);
        }
    }

    /**
     * One round trip per collection: each document is inserted unless one with its unique key exists
     * ({@code $setOnInsert} upserts), whether or not the unique indexes exist yet.
     *
     * @return how many documents were inserted
     */
    private int insertMissing(String collection, List<Document> documents) {
        List<String> key = Objects.requireNonNull(IndexInitializer.uniqueKeys().get(collection), collection);
        List<UpdateOneModel<Document>> upserts = documents.stream()
                .map(document -> new UpdateOneModel<Document>(
                        Filters.and(key.stream()
                                .map(field -> Filters.eq(field, document.get(field)))
                                .toList()),
                        new Document("$setOnInsert", document),
                        new UpdateOptions().upsert(true)))
                .toList();
        return upserts.isEmpty()
                ? 0
                : mongo.getCollection(collection)
                        .bulkWrite(upserts, new BulkWriteOptions().ordered(false))
                        .getUpserts()
                        .size();
    }

    /** Once the port is open: how to try the embedded demo database (its URL needs the port). */
    @EventListener(ApplicationReadyEvent.class)
    void banner() {
        if (!embedded) {
            return;
        }
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String sessionUrl = base + "/api/v1/sessions/" + DemoData.DEMO_SESSION_ID;
        log.info(String.join(
                System.lineSeparator(),
                List.of(
                        "",
                        "==================================================================================",
                        " DEMO MODE (--demo / TACHI_DEMO=true): tachi-sessions runs on its EMBEDDED in-memory",
                        " database with demo data. Everything in it is LOST when the service exits, and its",
                        " API tokens (demo-token-customise, demo-token-readonly, demo-token-bob) are PUBLIC:",
                        " never expose this instance. Set MONGODB_URI to use Tachi's database instead.",
                        " Try:",
                        "   curl " + sessionUrl,
                        "   curl -X PATCH -H 'Authorization: Bearer " + DemoData.DEMO_TOKEN + "' \\",
                        "        -H 'Content-Type: application/json' -d '{\"name\":\"My renamed session\"}' \\",
                        "        " + sessionUrl,
                        "==================================================================================")));
    }

    /** The embedded database always gets the demo data; a configured one only on the explicit opt-in. */
    static class Wanted implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String property = NoExternalMongoCondition.externalConfigured(context.getEnvironment())
                    ? "tachi.demo-data.load-into-external"
                    : "tachi.demo";
            return Binder.get(context.getEnvironment())
                    .bind(property, Boolean.class)
                    .orElse(false);
        }
    }
}
