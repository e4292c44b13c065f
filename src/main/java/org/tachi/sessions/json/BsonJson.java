package org.tachi.sessions.json;

import java.time.Instant;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;
import org.bson.io.ByteBufferBsonInput;
import tools.jackson.core.JsonGenerator;

/**
 * Writes raw BSON straight to a JSON generator, exactly as {@link TachiJsonModule} prints the same
 * document decoded into an {@code org.bson.Document} (pinned by {@code BsonJsonTest}), but without
 * building the {@code Document}: no map, no boxed value, one pass over the bytes. Rare BSON types
 * (binary, regex, timestamp, ...) are decoded by the given decoder (the one the service reads
 * {@code Document}s with) and printed by the generator's own mapper, so they too come out as before.
 */
public final class BsonJson {

    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private static final BsonValueCodec VALUES = new BsonValueCodec();

    private BsonJson() {}

    /** Reads the bytes directly: {@code RawBsonDocument.asBsonReader()} would decode the whole document first. */
    public static void write(RawBsonDocument document, JsonGenerator json, Decoder<Document> rareTypes) {
        try (BsonReader reader = new BsonBinaryReader(new ByteBufferBsonInput(document.getByteBuffer()))) {
            writeDocument(reader, json, rareTypes);
        }
    }

    private static void writeDocument(BsonReader reader, JsonGenerator json, Decoder<Document> rareTypes) {
        reader.readStartDocument();
        json.writeStartObject();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            json.writeName(reader.readName());
            writeValue(reader, json, rareTypes);
        }
        reader.readEndDocument();
        json.writeEndObject();
    }

    private static void writeValue(BsonReader reader, JsonGenerator json, Decoder<Document> rareTypes) {
        switch (reader.getCurrentBsonType()) {
            case DOCUMENT -> writeDocument(reader, json, rareTypes);
            case ARRAY -> {
                reader.readStartArray();
                json.writeStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    writeValue(reader, json, rareTypes);
                }
                reader.readEndArray();
                json.writeEndArray();
            }
            case STRING -> json.writeString(reader.readString());
            case INT32 -> json.writeNumber(reader.readInt32());
            case INT64 -> json.writeNumber(reader.readInt64());
            case DOUBLE -> TachiJsonModule.writeDouble(reader.readDouble(), json);
            case BOOLEAN -> json.writeBoolean(reader.readBoolean());
            case NULL -> {
                reader.readNull();
                json.writeNull();
            }
            case DATE_TIME ->
                json.writeString(Instant.ofEpochMilli(reader.readDateTime()).toString());
            case OBJECT_ID -> json.writeString(reader.readObjectId().toHexString());
            case DECIMAL128 -> TachiJsonModule.writeDecimal(reader.readDecimal128(), json);
            default -> json.writePOJO(decoded(reader, rareTypes));
        }
    }

    private static Object decoded(BsonReader reader, Decoder<Document> rareTypes) {
        BsonDocument wrapper = new BsonDocument("v", VALUES.decode(reader, DECODING));
        Document document = rareTypes.decode(new BsonDocumentReader(wrapper), DECODING);
        return document.get("v");
    }
}
