package org.tachi.sessions.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.MongoIntegrationTest;

/**
 * A real API token, sent in malformed header lines that Tomcat rejects (and logs) before any
 * application code runs, and in a valid request while the MongoDB driver logs every command it
 * sends: no line of the log holds the token. A Tomcat connection processor logs only its first
 * parse error at INFO and later ones at DEBUG; the processors of this test's Tomcat log every one at
 * INFO ({@value #TOMCAT_USER_DATA_LOG}), so every rejected line is seen.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "logging.level.org.mongodb.driver.protocol.command=DEBUG",
            "logging.level." + SecretsNeverLoggedTest.TOMCAT_PARSE_ERRORS + "=INFO"
        })
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest extends MongoIntegrationTest {

    static final String TOMCAT_USER_DATA_LOG = "org.apache.juli.logging.UserDataHelper.CONFIG";

    /** Quiet (WARN) in every other test context: {@code src/test/resources/config/application.properties}. */
    static final String TOMCAT_PARSE_ERRORS = "org.apache.coyote.http11.Http11Processor";

    static {
        System.setProperty(TOMCAT_USER_DATA_LOG, "INFO_ALL");
    }

    @AfterAll
    static void restoreLogging() {
        System.clearProperty(TOMCAT_USER_DATA_LOG);
        LoggingSystem logging = LoggingSystem.get(SecretsNeverLoggedTest.class.getClassLoader());
        logging.setLogLevel("org.mongodb.driver.protocol.command", null);
        logging.setLogLevel(TOMCAT_PARSE_ERRORS, LogLevel.WARN);
    }

    @LocalServerPort
    int port;

    String sessionID;

    @BeforeEach
    void seed() {
        sessionID = "Qsecret" + UUID.randomUUID().toString().replace("-", "");
        OpsHttp.seed((collection, document) -> insert(collection, document), sessionID);
    }

    @Test
    void theTokenIsInNoLogLineWhateverCarriesIt(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        List<String> headerLines = List.of(
                "Authorization: Bearer " + OpsHttp.TOKEN + "\u0001",
                "Authorization:\u0001Bearer " + OpsHttp.TOKEN,
                "Author\u0001ization: Bearer " + OpsHttp.TOKEN,
                "Authorization: Bearer " + OpsHttp.TOKEN + "\u007f",
                "Cookie: session=" + OpsHttp.TOKEN + "\u0001",
                "X-Api-Key " + OpsHttp.TOKEN);
        for (String line : headerLines) {
            assertThat(exchange("GET /api/v1/sessions/" + sessionID + " HTTP/1.1\r\nHost: localhost\r\n" + line
                            + "\r\nConnection: close\r\n\r\n"))
                    .as(line)
                    .startsWith("HTTP/1.1 400 ");
        }
        assertThat(exchange("GET /api/v1/sessions/" + sessionID + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + OpsHttp.TOKEN + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ");

        String logged = output.getAll().substring(before);
        assertThat(logged).as("Tomcat logged the rejected header").contains("RFC 9112");
        assertThat(logged).as("the driver logged the token lookup").contains("api-tokens");
        assertThat(logged).doesNotContain(OpsHttp.TOKEN).contains(SecretMaskingFilter.MASK);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
