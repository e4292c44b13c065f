package org.tachi.sessions.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.ByteBuf;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.Decoder;
import org.bson.codecs.DecoderContext;
import org.bson.io.ByteBufferBsonInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Decoding raw documents, or a few of their top-level fields, exactly as the service's collections
 * decode {@code Document}s (same codec registry, same UUID representation).
 */
@Component
public class RawDocuments {

    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final Codec<Document> documents;

    @Autowired
    RawDocuments(MongoTemplate mongo) {
        this(mongo.getDb().getCodecRegistry().get(Document.class));
    }

    public RawDocuments(Codec<Document> documents) {
        this.documents = documents;
    }

    /** The codec that decodes the service's {@code Document}s. */
    public Codec<Document> codec() {
        return documents;
    }

    /**
     * These fields (where present), decoded as the whole document would decode them: a document by
     * the codec as it reads it, a string as its {@code StringCodec} reads it (most fields are
     * strings), any other value by {@link #decodeValue}.
     */
    public Document fields(RawBsonDocument raw, Set<String> names) {
        Document fields = new Document();
        ByteBuf buffer = raw.getByteBuffer();
        int offset = buffer.arrayOffset();
        try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(buffer))) {
            reader.readStartDocument();
            BsonType type;
            while ((type = reader.readBsonType()) != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (!names.contains(name)) {
                    reader.skipValue();
                } else if (type == BsonType.DOCUMENT) {
                    fields.put(name, documents.decode(reader, DECODING));
                } else if (type == BsonType.STRING) {
                    fields.put(name, reader.readString());
                } else {
                    int at = offset + reader.getBsonInput().getPosition();
                    reader.skipValue();
                    int length = offset + reader.getBsonInput().getPosition() - at;
                    fields.put(name, decodeValue(documents, type.getValue(), buffer.array(), at, length));
                }
            }
        }
        return fields;
    }

    /**
     * One value of a raw document, the {@code length} bytes of BSON type {@code type} at {@code at},
     * decoded as {@code decoder} decodes it within a stored document: the bytes made the one field of
     * a document {@code {v: ...}}.
     */
    public static Object decodeValue(Decoder<Document> decoder, int type, byte[] bytes, int at, int length) {
        byte[] single = new byte[4 + 1 + 2 + length + 1];
        ByteBuffer.wrap(single)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(single.length)
                .put((byte) type)
                .put((byte) 'v')
                .put((byte) 0)
                .put(bytes, at, length)
                .put((byte) 0);
        try (BsonReader reader = new BsonBinaryReader(ByteBuffer.wrap(single))) {
            return decoder.decode(reader, DECODING).get("v");
        }
    }
}
