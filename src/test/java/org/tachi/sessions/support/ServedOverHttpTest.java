package org.tachi.sessions.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that call the started service over a real HTTP socket, through Tomcat, with a
 * client that gives up connecting after 5 seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServedOverHttpTest extends MongoIntegrationTest {

    @LocalServerPort
    protected int port;

    protected final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
