package org.tachi.sessions.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonRegularExpression;
import org.bson.BsonSymbol;
import org.bson.BsonTimestamp;
import org.bson.BsonUndefined;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.UuidRepresentation;
import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** A raw document's fields decode as the codec decodes the whole document. */
class RawDocumentsTest {

    private final Codec<Document> documents = CodecRegistries.withUuidRepresentation(
                    MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD)
            .get(Document.class);

    private final RawDocuments raw = new RawDocuments(documents);

    @Test
    void everyBsonTypeDecodesAsInTheWholeDocument() {
        Document stored = new Document("string", "plain")
                .append("text", "é 漢字 😀 \u0000")
                .append("empty", "")
                .append("symbol", new BsonSymbol("sym"))
                .append("int32", 7)
                .append("int64", 1619454485988L)
                .append("double", 2.5)
                .append("decimal", Decimal128.parse("12.3400"))
                .append("null", null)
                .append("boolean", true)
                .append("date", new Date(1619454485988L))
                .append("objectId", new ObjectId("5f1e2d3c4b5a697887766554"))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("binary", new BsonBinary(new byte[] {1, 2, 3}))
                .append("regex", new BsonRegularExpression("^a.*", "i"))
                .append("timestamp", new BsonTimestamp(1_600_000_000, 7))
                .append("undefined", new BsonUndefined())
                .append("javascript", new BsonJavaScript("1"))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("array", List.of(1, "x", new Document("a", 2)))
                .append("document", new Document("lamp", "CLEAR").append("enumIndexes", new Document("lamp", 1)));
        RawBsonDocument bytes = new RawBsonDocument(stored, documents);
        Document whole = bytes.decode(documents);
        // the same bytes inside a larger array, as a document of a reply can sit
        byte[] padded = new byte[bytes.getByteBuffer().remaining() + 10];
        bytes.getByteBuffer().get(padded, 7, padded.length - 10);
        RawBsonDocument atAnOffset = new RawBsonDocument(padded, 7, padded.length - 10);

        assertThat(entries(raw.fields(bytes, whole.keySet()))).isEqualTo(entries(whole));
        assertThat(entries(raw.fields(atAnOffset, whole.keySet()))).isEqualTo(entries(whole));
    }

    @Test
    void onlyTheNamedFieldsInTheDocumentsOrder() {
        RawBsonDocument bytes = new RawBsonDocument(
                new Document("scoreID", "T1")
                        .append("userID", 1)
                        .append("game", "sdvx")
                        .append("scoreData", new Document("score", 9_000_000))
                        .append("playtype", "Single"),
                documents);

        assertThat(entries(raw.fields(bytes, Set.of("playtype", "game", "missing"))))
                .containsExactly(Map.entry("game", "sdvx"), Map.entry("playtype", "Single"));
    }

    /** Entries in order: a Document's equality ignores it. */
    private static List<Map.Entry<String, Object>> entries(Document document) {
        return document.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() == null ? "<null>" : entry.getValue()))
                .toList();
    }
}
