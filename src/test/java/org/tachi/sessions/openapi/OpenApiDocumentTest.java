package org.tachi.sessions.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tachi.sessions.support.MongoIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document the running service serves at {@code /v3/api-docs} is the checked-in
 * {@code docs/openapi.json}. After a change of the API, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} and review the diff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest extends MongoIntegrationTest {

    @LocalServerPort
    int port;

    final JsonMapper json =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void servedDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode served = json.readTree(response.body());
        assertThat(served.path("openapi").asString()).startsWith("3.1.");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(OpenApiContract.DOCUMENT, json.writeValueAsString(served) + "\n");
        }
        assertThat(served)
                .as(
                        "/v3/api-docs differs from %s: regenerate it with "
                                + "./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true",
                        OpenApiContract.DOCUMENT)
                .isEqualTo(json.readTree(Files.readString(OpenApiContract.DOCUMENT)));
    }
}
