package org.tachi.sessions.mongo;

import java.util.Set;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
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

    private static final BsonValueCodec VALUES = new BsonValueCodec();

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

    /** These fields (where present), decoded as the whole document would decode them. */
    public Document fields(RawBsonDocument raw, Set<String> names) {
        Document fields = new Document();
        try (BsonReader reader = new BsonBinaryReader(new ByteBufferBsonInput(raw.getByteBuffer()))) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (!names.contains(name)) {
                    reader.skipValue();
                } else if (reader.getCurrentBsonType() == BsonType.DOCUMENT) {
                    fields.put(name, documents.decode(reader, DECODING));
                } else if (reader.getCurrentBsonType() == BsonType.STRING) {
                    // what the codec's StringCodec reads, without the detour below (most fields are strings)
                    fields.put(name, reader.readString());
                } else {
                    BsonDocument value = new BsonDocument("v", VALUES.decode(reader, DECODING));
                    fields.put(
                            name,
                            documents
                                    .decode(new BsonDocumentReader(value), DECODING)
                                    .get("v"));
                }
            }
        }
        return fields;
    }
}
