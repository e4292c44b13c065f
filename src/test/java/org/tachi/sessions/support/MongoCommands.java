package org.tachi.sessions.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every command the service's MongoDB client sends (find, aggregate, getMore, ...), for tests
 * that count a request's round trips or check what a query asks for. Import it into the test's context.
 */
@TestConfiguration
public class MongoCommands {

    private static final List<BsonDocument> STARTED = Collections.synchronizedList(new ArrayList<>());

    @Bean
    MongoClientSettingsBuilderCustomizer countCommands() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // a copy: the event's document is read from the driver's buffer, released after the event
                STARTED.add(BsonDocument.parse(event.getCommand().toJson()));
            }
        });
    }

    public static void clear() {
        STARTED.clear();
    }

    /** The names of the commands started since the last {@link #clear()}, in order. */
    public static List<String> started() {
        return commands().stream().map(BsonDocument::getFirstKey).toList();
    }

    /** The commands started since the last {@link #clear()}, in order. */
    public static List<BsonDocument> commands() {
        synchronized (STARTED) {
            return List.copyOf(STARTED);
        }
    }
}
