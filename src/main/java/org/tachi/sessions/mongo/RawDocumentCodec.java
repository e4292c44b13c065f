package org.tachi.sessions.mongo;

import org.bson.AbstractBsonReader;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.bson.io.BsonInput;
import org.bson.io.BsonInputMark;

/**
 * Reads a document of a reply as its bytes with one copy. Why not the driver's
 * {@link RawBsonDocumentCodec}: it pipes the document through a {@code BsonBinaryWriter} into an
 * output buffer that starts empty and doubles as it fills, so each document is copied three to five
 * times; a JFR allocation profile of a 1,000-score GET put that at about a fifth of what it sampled
 * (docs/benchmark.md). Anything but a document value of a binary reader (the driver's
 * replies are always that) goes to the driver's codec.
 */
final class RawDocumentCodec implements Codec<RawBsonDocument> {

    private static final RawBsonDocumentCodec DRIVER = new RawBsonDocumentCodec();

    @Override
    public RawBsonDocument decode(BsonReader reader, DecoderContext context) {
        if (!(reader instanceof BsonBinaryReader binary)
                || binary.getState() != AbstractBsonReader.State.VALUE
                || binary.getCurrentBsonType() != BsonType.DOCUMENT) {
            return DRIVER.decode(reader, context);
        }
        BsonInput input = binary.getBsonInput();
        BsonInputMark start = input.getMark(Integer.MAX_VALUE);
        byte[] bytes = new byte[input.readInt32()];
        start.reset();
        input.readBytes(bytes);
        start.reset();
        // Leaves the reader where the driver's codec would: after the document, ready for the next type.
        binary.skipValue();
        return new RawBsonDocument(bytes);
    }

    @Override
    public void encode(BsonWriter writer, RawBsonDocument value, EncoderContext context) {
        DRIVER.encode(writer, value, context);
    }

    @Override
    public Class<RawBsonDocument> getEncoderClass() {
        return RawBsonDocument.class;
    }
}
