package org.tachi.sessions.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tachi.sessions.TachiSessionsApplication;

/** The README's run command: the embedded database with demo data, and never demo data elsewhere. */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutMongodbUriTheEmbeddedDatabaseServesTheDemoSessionAndTokens(CapturedOutput log) throws Exception {
        // Blank command-line values outrank a MONGODB_URI the test run may have in its environment.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TachiSessionsApplication.class)
                .run("--server.port=0", "--MONGODB_URI=", "--spring.mongodb.uri=")) {
            assertThat(app.getBeansOfType(EmbeddedMongoServer.class)).hasSize(1);
            String session = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                    + "/api/v1/sessions/" + DemoData.DEMO_SESSION_ID;

            HttpResponse<String> get =
                    http.send(HttpRequest.newBuilder(URI.create(session)).build(), BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).contains("\"scoreInfo\":[{");
            HttpResponse<String> raises = http.send(
                    HttpRequest.newBuilder(URI.create(session + "/folder-raises"))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(raises.statusCode()).isEqualTo(200);
            assertThat(raises.body()).contains("\"raisedCharts\":[\"");

            assertThat(patch(session, "demo-token-customise").statusCode()).isEqualTo(200);
            assertThat(patch(session, "demo-token-readonly").statusCode()).isEqualTo(403);
            assertThat(patch(session, "demo-token-bob").statusCode()).isEqualTo(403);
        }
        assertThat(log.getOut())
                .contains(
                        "EMBEDDED in-memory database",
                        "LOST when the service exits",
                        "Authorization: Bearer demo-token-customise",
                        DemoData.DEMO_SESSION_ID)
                .doesNotContainIgnoringCase("generated security password");
    }

    @Test
    void anExternalDatabaseNeverGetsDemoData() {
        MongoServer external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TachiSessionsApplication.class)
                .run(
                        "--server.port=0",
                        "--MONGODB_URI=mongodb://127.0.0.1:"
                                + external.getLocalAddress().getPort() + "/tachi")) {
            assertThat(app.getBeansOfType(EmbeddedMongoServer.class)).isEmpty();
            assertThat(app.getBeansOfType(DemoDataLoader.class)).isEmpty();
            assertThat(app.getBean(MongoTemplate.class)
                            .getCollection("sessions")
                            .countDocuments())
                    .isZero();
        } finally {
            external.shutdownNow();
        }
    }

    private HttpResponse<String> patch(String url, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"highlight\":true}"))
                        .build(),
                BodyHandlers.ofString());
    }
}
