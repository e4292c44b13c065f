package org.tachi.sessions.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo data set: collection name → its documents, in Tachi's shapes (real SDVX, CHUNITHM and
 * maimai DX songs and charts from Tachi's seeds; users, API tokens, scores and sessions).
 */
final class DemoData {

    static final String DEMO_SESSION_ID = "Q887e24ce0ea4be0bb99b9206d310bda8f16859f7";

    static final String DEMO_TOKEN = "demo-token-customise";

    private DemoData() {}

    static Document read() throws IOException {
        try (InputStream in = new ClassPathResource("demo/demo-data.json").getInputStream()) {
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
