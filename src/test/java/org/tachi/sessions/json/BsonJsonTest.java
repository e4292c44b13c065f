package org.tachi.sessions.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Raw BSON written by {@link BsonJson} is byte for byte what the decoded Document prints. */
class BsonJsonTest {

    private final JsonMapper mapper =
            JsonMapper.builder().addModule(new TachiJsonModule()).build();

    private final Codec<Document> documents =
            MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @Test
    void everyBsonTypePrintsAsItsDecodedDocumentDoes() {
        Document stored = new Document("string", "plain \"quoted\" \\ / \u0000 \u001f \u2028 é 漢字 😀")
                .append("int32", Integer.MIN_VALUE)
                .append("int64", 1619454485988L)
                .append("bigLong", Long.MAX_VALUE)
                .append(
                        "doubles",
                        Arrays.asList(
                                0.0,
                                -0.0,
                                1.0,
                                -3.5,
                                1e21,
                                1e-7,
                                5e-324,
                                0.30000000000000004,
                                1.7976931348623157e308,
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY))
                .append("decimals", List.of(Decimal128.parse("12.3400"), Decimal128.NaN, Decimal128.POSITIVE_INFINITY))
                .append("booleans", List.of(true, false))
                .append("null", null)
                .append("date", new Date(1619454485988L))
                .append("objectId", new ObjectId("5f1e2d3c4b5a697887766554"))
                .append(
                        "nested",
                        new Document("empty", new Document())
                                .append("emptyArray", List.of())
                                .append("deep", List.of(List.of(new Document("a", List.of(1, 2.5, "x"))))))
                .append("", "empty key")
                .append("_id", "nested ids are data")
                .append("binary", new BsonBinary(new byte[] {1, 2, 3}))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("regex", new BsonRegularExpression("^a.*", "i"))
                .append("timestamp", new BsonTimestamp(1_600_000_000, 7))
                .append("undefined", new BsonUndefined());
        RawBsonDocument raw = new RawBsonDocument(stored, codecWithUuids());
        Document decoded = raw.decode(documents);

        assertThat(rawJson(raw)).isEqualTo(mapper.writeValueAsString(decoded));
    }

    private String rawJson(RawBsonDocument raw) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = mapper.createGenerator(out)) {
            BsonJson.write(raw, json, documents);
        }
        return out.toString();
    }

    private static Codec<Document> codecWithUuids() {
        return org.bson.codecs.configuration.CodecRegistries.withUuidRepresentation(
                        MongoClientSettings.getDefaultCodecRegistry(), org.bson.UuidRepresentation.STANDARD)
                .get(Document.class);
    }
}
