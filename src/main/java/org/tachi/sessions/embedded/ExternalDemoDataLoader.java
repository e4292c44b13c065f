package org.tachi.sessions.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.io.IOException;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tachi.sessions.mongo.MongoUri;

/**
 * Loads the demo data (the same file the embedded database gets) into an EXTERNAL MongoDB, only
 * when an operator explicitly asks with {@code tachi.demo-data.load-into-external=true}. It never
 * overwrites: documents whose unique key (sessionID, scoreID, id, chartID, token; indexed at
 * start-up) already exists are left as they are, so running it twice is harmless.
 * With {@code tachi.demo-data.exit-after-load=true} the process exits once loaded (a one-shot job).
 */
@Component
@ConditionalOnProperty(name = "tachi.demo-data.load-into-external", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE)
class ExternalDemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ExternalDemoDataLoader.class);

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    private final Environment environment;

    ExternalDemoDataLoader(MongoTemplate mongo, Environment environment) {
        this.mongo = mongo;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (MongoUri.configured(environment).isEmpty()) {
            log.info("tachi.demo-data.load-into-external ignored: no external MongoDB is configured "
                    + "(the embedded database gets its demo data anyway)");
            return;
        }
        Document demo = DemoData.read();
        int inserted = 0;
        int present = 0;
        for (String collection : demo.keySet()) {
            List<Document> documents = demo.getList(collection, Document.class);
            int duplicates = insertMissing(collection, documents);
            inserted += documents.size() - duplicates;
            present += duplicates;
        }
        log.warn(
                "Demo data loaded into the EXTERNAL database {} (tachi.demo-data.load-into-external=true): "
                        + "{} documents inserted, {} already present and left unchanged",
                mongo.getDb().getName(),
                inserted,
                present);
    }

    /** @return how many documents were skipped because their unique key already exists */
    private int insertMissing(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            mongo.getCollection(collection).insertMany(documents, new InsertManyOptions().ordered(false));
            return 0;
        } catch (MongoBulkWriteException failure) {
            List<BulkWriteError> errors = failure.getWriteErrors();
            boolean onlyDuplicates = failure.getWriteConcernError() == null
                    && errors.stream()
                            .allMatch(error -> error.getCode() == DUPLICATE_KEY
                                    || ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw failure;
            }
            return errors.size();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void exitIfOneShot(ApplicationReadyEvent event) {
        if (environment.getProperty("tachi.demo-data.exit-after-load", Boolean.class, false)) {
            log.info("tachi.demo-data.exit-after-load=true: exiting");
            System.exit(SpringApplication.exit(event.getApplicationContext(), () -> 0));
        }
    }
}
