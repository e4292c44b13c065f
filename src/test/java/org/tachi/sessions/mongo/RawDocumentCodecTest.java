package org.tachi.sessions.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.Test;

/** Raw documents read from a reply are the very bytes the database sent, and the reply reads on after them. */
class RawDocumentCodecTest {

    private static final DecoderContext DECODING = DecoderContext.builder().build();

    private final Codec<Document> documents =
            MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final RawDocumentCodec codec = new RawDocumentCodec();

    @Test
    void documentsOfABatchAreTheirBytesAndTheReaderMovesPastThem() {
        Document first = new Document("scoreID", "a").append("scoreData", new Document("score", 9_876_543));
        Document second = new Document("scoreID", "b").append("nested", List.of(new Document("x", 1.5), "y"));
        RawBsonDocument reply =
                new RawBsonDocument(new Document("firstBatch", List.of(first, second)).append("after", 7), documents);

        List<RawBsonDocument> batch = new ArrayList<>();
        Object after;
        try (BsonBinaryReader reader =
                new BsonBinaryReader(reply.getByteBuffer().asNIO())) {
            reader.readStartDocument();
            reader.readName("firstBatch");
            reader.readStartArray();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                batch.add(codec.decode(reader, DECODING));
            }
            reader.readEndArray();
            reader.readName("after");
            after = reader.readInt32();
            reader.readEndDocument();
        }

        assertThat(batch).extracting(raw -> raw.decode(documents)).containsExactly(first, second);
        assertThat(bytesOf(batch.get(1))).isEqualTo(bytesOf(new RawBsonDocument(second, documents)));
        assertThat(after).isEqualTo(7);
    }

    @Test
    void aWholeDocumentOutsideABatchDecodesAsTheDriversCodecDoes() {
        RawBsonDocument stored = new RawBsonDocument(new Document("songID", 12).append("title", "曲"), documents);

        RawBsonDocument decoded = codec.decode(
                new BsonBinaryReader(ByteBuffer.wrap(stored.getByteBuffer().array())), DECODING);

        assertThat(decoded).isEqualTo(stored);
    }

    private static byte[] bytesOf(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
