package org.tachi.sessions.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the name of every command the service's MongoDB client sends (find, aggregate, getMore, ...),
 * for tests that count a request's round trips. Import it into the test's context.
 */
@TestConfiguration
public class MongoCommands {

    private static final List<String> STARTED = Collections.synchronizedList(new ArrayList<>());

    @Bean
    MongoClientSettingsBuilderCustomizer countCommands() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                STARTED.add(event.getCommandName());
            }
        });
    }

    public static void clear() {
        STARTED.clear();
    }

    /** The commands started since the last {@link #clear()}, in order. */
    public static List<String> started() {
        synchronized (STARTED) {
            return List.copyOf(STARTED);
        }
    }
}
