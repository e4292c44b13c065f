package org.tachi.sessions.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDbPointer;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonJavaScript;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonRegularExpression;
import org.bson.BsonSymbol;
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
        // The rare types whose length the writer computes itself come first: a wrong length would garble the rest.
        Document stored = new Document(
                        "dbPointer", new BsonDbPointer("songs", new ObjectId("5f1e2d3c4b5a697887766554")))
                .append("javascript", new BsonJavaScript("function () { return 1; }"))
                .append("symbol", new BsonSymbol("sym"))
                .append("codeWithScope", new BsonJavaScriptWithScope("x + 1", new BsonDocument("x", new BsonInt32(41))))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("string", "plain \"quoted\" \\ / \u0000 \u001f \u2028 é 漢字 😀")
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

        assertPrintsAsDecoded(raw);
    }

    /** Names and strings outside the ASCII fast paths go through the driver's own decoding, as before. */
    @Test
    void namesAndTextThatNeedDecodingOrEscapingPrintAsTheirDecodedDocumentDoes() {
        Document stored = new Document("quote\"d", "q")
                .append("back\\slash", "b")
                .append("tab\tand\u001f", "c")
                .append("del\u007f", "\u007f")
                .append("ascii only: ~!@#$%^&*()_+{}|:<>?`-=[];',./", "~!@#$%^&*()_+{}|:<>?`-=[];',./")
                .append("名前", "日本語の曲名")
                .append("é", "ü")
                .append("x", "")
                .append("invalid", "\u0001\u0001\u0001")
                .append("bad\u0003\u0004", List.of("\u0005", new Document("\u0006\u0006", 1)));
        byte[] bytes =
                new RawBsonDocument(stored, documents).getByteBuffer().array().clone();
        // Malformed UTF-8, which the driver decodes with replacement characters: a lone continuation
        // byte and a truncated sequence, an overlong encoding, a lone byte (the driver's one-character
        // path), an encoded surrogate.
        replaceAll(bytes, new byte[] {1, 1, 1}, new byte[] {(byte) 0x80, (byte) 0xE3, (byte) 0x81});
        replaceAll(bytes, new byte[] {3, 4}, new byte[] {(byte) 0xC0, (byte) 0xAF});
        replaceAll(bytes, new byte[] {2, 0, 0, 0, 5, 0}, new byte[] {2, 0, 0, 0, (byte) 0xFF, 0});
        replaceAll(bytes, new byte[] {6, 6}, new byte[] {(byte) 0xED, (byte) 0xA0});

        assertPrintsAsDecoded(new RawBsonDocument(bytes));
    }

    /** More distinct names than the name cache has slots: every one still prints as itself. */
    @Test
    void manyDistinctNamesPrintAsTheirDecodedDocumentDoes() {
        Document stored = new Document();
        for (int i = 0; i < 10_000; i++) {
            stored.append("field" + i, new Document("n" + (i % 7), i));
        }
        RawBsonDocument raw = new RawBsonDocument(stored, documents);
        assertPrintsAsDecoded(raw);
        assertPrintsAsDecoded(raw);
    }

    /**
     * Both of Jackson's generators: the service writes through the UTF-8 one (a response stream), the
     * character one is what {@code writeValueAsString} uses.
     */
    private void assertPrintsAsDecoded(RawBsonDocument raw) {
        String expected = mapper.writeValueAsString(raw.decode(documents));
        StringWriter chars = new StringWriter();
        try (JsonGenerator json = mapper.createGenerator(chars)) {
            BsonJson.write(raw, json, documents);
        }
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.createGenerator(utf8)) {
            BsonJson.write(raw, json, documents);
        }
        assertThat(chars.toString()).isEqualTo(expected);
        assertThat(utf8.toByteArray()).isEqualTo(mapper.writeValueAsBytes(raw.decode(documents)));
    }

    private static void replaceAll(byte[] bytes, byte[] placeholder, byte[] replacement) {
        int replaced = 0;
        for (int i = 0; i + placeholder.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + placeholder.length, placeholder, 0, placeholder.length)) {
                System.arraycopy(replacement, 0, bytes, i, replacement.length);
                replaced++;
            }
        }
        assertThat(replaced).isPositive();
    }

    private static Codec<Document> codecWithUuids() {
        return org.bson.codecs.configuration.CodecRegistries.withUuidRepresentation(
                        MongoClientSettings.getDefaultCodecRegistry(), org.bson.UuidRepresentation.STANDARD)
                .get(Document.class);
    }
}
