package org.tachi.sessions.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tachi.sessions.TachiSessionsApplication;

/**
 * The demo database runs only when asked for (the README's run command sets {@code TACHI_DEMO=true};
 * the jar takes {@code --demo}), is loaded before the port opens, and never reaches an external
 * database. Without a database and without the switch the service does not start.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withTheDemoSwitchTheEmbeddedDatabaseServesTheDemoSessionAndTokens(CapturedOutput log) throws Exception {
        AtomicLong sessionsWhenThePortOpened = new AtomicLong(-1);
        // Blank command-line values outrank a MONGODB_URI the test run may have in its environment.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TachiSessionsApplication.class)
                .listeners((ApplicationListener<WebServerInitializedEvent>)
                        event -> sessionsWhenThePortOpened.set(event.getApplicationContext()
                                .getBean(MongoTemplate.class)
                                .getCollection("sessions")
                                .countDocuments()))
                .run(TachiSessionsApplication.withDemoSwitch(
                        new String[] {"--server.port=0", "--MONGODB_URI=", "--spring.mongodb.uri=", "--demo"}))) {
            assertThat(app.getBeansOfType(EmbeddedMongoServer.class)).hasSize(1);
            assertThat(sessionsWhenThePortOpened)
                    .as("demo sessions loaded when the port opened")
                    .hasValue(18);
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
                        "DEMO MODE",
                        "EMBEDDED in-memory",
                        "LOST when the service exits",
                        "are PUBLIC",
                        "Authorization: Bearer demo-token-customise",
                        DemoData.DEMO_SESSION_ID)
                .doesNotContainIgnoringCase("generated security password");
    }

    @Test
    void withoutADatabaseAndWithoutTheSwitchItDoesNotStart() {
        AtomicBoolean portOpened = new AtomicBoolean();
        // The expected failure is not logged here; the next test checks what its report says.
        assertThatThrownBy(() -> new SpringApplicationBuilder(TachiSessionsApplication.class)
                        .listeners((ApplicationListener<WebServerInitializedEvent>) event -> portOpened.set(true))
                        .run(
                                "--server.port=0",
                                "--MONGODB_URI=",
                                "--spring.mongodb.uri=",
                                "--tachi.demo=false",
                                "--logging.level.org.springframework=OFF"))
                .isInstanceOf(NoDatabaseConfiguredException.class);
        assertThat(portOpened).isFalse();
    }

    @Test
    void theFailureIsReportedAsOneLineSayingWhatToSet() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(
                        FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(NoDatabaseFailureAnalyzer.class.getName());
        FailureAnalysis analysis =
                new NoDatabaseFailureAnalyzer().analyze(new IllegalStateException(new NoDatabaseConfiguredException()));
        assertThat(analysis.getDescription())
                .doesNotContain("\n")
                .contains("set MONGODB_URI", "--demo", "TACHI_DEMO=true", "public demo data");
        assertThat(analysis.getAction()).isNull();
    }

    @Test
    void anExternalDatabaseNeverGetsDemoDataEvenWithTheDemoSwitch() {
        MongoServer external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TachiSessionsApplication.class)
                .run(
                        "--server.port=0",
                        "--tachi.demo=true",
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
