package org.tachi.sessions.embedded;

import java.io.IOException;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the embedded database with demo data (real SDVX, CHUNITHM and maimai DX songs and charts
 * from Tachi's seeds, two users, their scores and sessions, and API tokens) and says how to try it.
 * Only ever runs against the embedded server: an external database never gets demo data.
 */
@Component
@Conditional(NoExternalMongoCondition.class)
@ConditionalOnProperty(name = "tachi.demo-data.enabled", matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final MongoTemplate mongo;

    private final Environment environment;

    DemoDataLoader(MongoTemplate mongo, Environment environment) {
        this.mongo = mongo;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Document demo = DemoData.read();
        for (String collection : demo.keySet()) {
            mongo.getCollection(collection).insertMany(demo.getList(collection, Document.class));
        }
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        String sessionUrl = base + "/api/v1/sessions/" + DemoData.DEMO_SESSION_ID;
        log.info(String.join(
                System.lineSeparator(),
                List.of(
                        "",
                        "==================================================================================",
                        " tachi-sessions is running on its EMBEDDED in-memory database (MONGODB_URI unset).",
                        " Demo data is loaded; it lives in memory only and is LOST when the service exits.",
                        " Try:",
                        "   curl " + sessionUrl,
                        "   curl -X PATCH -H 'Authorization: Bearer " + DemoData.DEMO_TOKEN + "' \\",
                        "        -H 'Content-Type: application/json' -d '{\"name\":\"My renamed session\"}' \\",
                        "        " + sessionUrl,
                        "==================================================================================")));
    }
}
