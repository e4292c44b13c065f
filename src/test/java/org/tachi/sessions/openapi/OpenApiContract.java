package org.tachi.sessions.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a real HTTP response against the checked-in {@code docs/openapi.json}: its status must be
 * documented for the operation, its documented required headers present, and its body valid against
 * the documented JSON schema (JSON Schema 2020-12 with OpenAPI 3.1's dialect), or empty where the
 * document has no content.
 */
final class OpenApiContract {

    static final Path DOCUMENT = Path.of("docs", "openapi.json");

    private static final String ID = "urn:tachi-sessions:openapi";

    private final JsonMapper json = JsonMapper.builder().build();

    private final JsonNode document;

    private final SchemaRegistry schemas;

    OpenApiContract() throws IOException {
        String text = Files.readString(DOCUMENT);
        document = json.readTree(text);
        schemas = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), registry -> registry.schemas(Map.of(ID, text)));
    }

    /** What is wrong with this answer of {@code method path}, where path is the document's template. */
    List<String> violations(String method, String path, HttpResponse<String> response) {
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/"
                + response.statusCode();
        if (document.at(pointer).isMissingNode()) {
            return List.of("status " + response.statusCode() + " is not documented for " + method + " " + path);
        }
        return check(pointer, response);
    }

    /** What is wrong with this answer, described by {@code components/responses/<name>}. */
    List<String> violationsOfAnyRoute(String name, HttpResponse<String> response) {
        return check("/components/responses/" + name, response);
    }

    private List<String> check(String pointer, HttpResponse<String> response) {
        JsonNode described = document.at(pointer);
        List<String> violations = new ArrayList<>();
        described.path("headers").properties().forEach(header -> {
            if (header.getValue().path("required").asBoolean(false)
                    && response.headers().firstValue(header.getKey()).isEmpty()) {
                violations.add("required header " + header.getKey() + " is missing");
            }
        });
        JsonNode content = described.path("content").path("application/json");
        if (content.isMissingNode()) {
            if (!response.body().isEmpty()) {
                violations.add("a body where the document has none: " + response.body());
            }
            return violations;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            violations.add("Content-Type is '" + type + "', not application/json");
            return violations;
        }
        String location = ID + "#" + pointer + "/content/application~1json/schema";
        List<Error> errors = schemas.getSchema(
                        SchemaLocation.of(location.replace("{", "%7B").replace("}", "%7D")))
                .validate(json.readTree(response.body()));
        errors.forEach(error -> violations.add(error.toString()));
        return violations;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
