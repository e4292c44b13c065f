package org.tachi.sessions.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tachi.sessions.support.MongoIntegrationTest;

/** Every query a GET and a PATCH send carries {@code maxTimeMS} from {@code tachi.mongodb.max-time}. */
@AutoConfigureMockMvc
@Import(MaxTimeTest.CommandRecorder.class)
@TestPropertySource(properties = "tachi.mongodb.max-time=4321ms")
class MaxTimeTest extends MongoIntegrationTest {

    @TestConfiguration
    static class CommandRecorder {

        static final List<BsonDocument> QUERIES = Collections.synchronizedList(new ArrayList<>());

        @Bean
        MongoClientSettingsBuilderCustomizer recordQueries() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (List.of("find", "findAndModify", "aggregate", "count").contains(event.getCommandName())) {
                        QUERIES.add(event.getCommand().clone());
                    }
                }
            });
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void everyQueryOfAGetAndAPatchHasMaxTimeMs() throws Exception {
        insert("users", new Document("id", 1).append("authLevel", 1));
        insert(
                "api-tokens",
                new Document("token", "owner")
                        .append("userID", 1)
                        .append("permissions", new Document("customise_session", true)));
        insert("scores", new Document("scoreID", "T1").append("userID", 1).append("chartID", "c1"));
        insert(
                "sessions",
                new Document("sessionID", "Qmax")
                        .append("userID", 1)
                        .append("name", "Evening")
                        .append("game", "sdvx")
                        .append("playtype", "Single")
                        .append("scoreIDs", List.of("T1"))
                        .append("timeStarted", 1L));
        CommandRecorder.QUERIES.clear();

        mvc.perform(get("/api/v1/sessions/Qmax").header("Authorization", "Bearer owner"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/v1/sessions/Qmax")
                        .header("Authorization", "Bearer owner")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Renamed\"}"))
                .andExpect(status().isOk());

        assertThat(CommandRecorder.QUERIES)
                .extracting(command -> command.getFirstKey())
                .contains("find", "findAndModify");
        assertThat(CommandRecorder.QUERIES)
                .allSatisfy(command -> assertThat(command.getNumber("maxTimeMS").longValue())
                        .as(command.toJson())
                        .isEqualTo(4321L));
    }
}
