package org.tachi.sessions.json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.bson.BsonSerializationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Decoder;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.tachi.sessions.mongo.RawDocuments;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.UTF8JsonGenerator;

/**
 * Writes raw BSON straight to a JSON generator, exactly as {@link TachiJsonModule} prints the same
 * document decoded into an {@code org.bson.Document} (pinned by {@code BsonJsonTest}), but without
 * building the {@code Document}: no map, no boxed value, one pass over the bytes. Rare BSON types
 * (binary, regex, timestamp, ...) are decoded by the given decoder (the one the service reads
 * {@code Document}s with) and printed by the generator's own mapper, so they too come out as before.
 *
 * <p>Why it walks the bytes itself rather than through the driver's {@code BsonBinaryReader}: the
 * reader makes a {@code String} of every field name and string value, which the generator then
 * encodes back into the same UTF-8; with {@code mongo.RawDocumentCodec}, walking the bytes took 18% off
 * a 1,000-score GET's allocation (docs/benchmark.md). Here an ASCII string goes from the document's bytes to the generator's
 * ({@code writeUTF8String} escapes it as {@code writeString} would; only the byte generator, the
 * one a response is written with, takes UTF-8), a field name is written from a
 * cache of pre-encoded names, and anything else (non-ASCII text, names that need escaping) is
 * decoded as the driver decodes it.
 */
public final class BsonJson {

    /**
     * Field names already encoded, by a hash of their bytes; a slot holds the last name that hashed to
     * it. Tachi's documents use a few hundred distinct names, so nearly every name is a hit.
     */
    private static final Name[] NAMES = new Name[2048];

    private BsonJson() {}

    /** Reads the document's bytes in place: {@code RawBsonDocument}'s own readers decode or copy them first. */
    public static void write(RawBsonDocument document, JsonGenerator json, Decoder<Document> rareTypes) {
        ByteBuffer bytes = document.getByteBuffer().asNIO();
        new Walk(bytes.array(), json, rareTypes).document(bytes.arrayOffset() + bytes.position(), false);
    }

    private record Name(byte[] utf8, SerializedString json) {}

    private record Walk(byte[] bytes, JsonGenerator json, Decoder<Document> rareTypes) {

        /** Writes the document or array whose size field is at {@code at}; returns the position after it. */
        int document(int at, boolean array) {
            int end = at + int32(at);
            int position = at + 4;
            if (array) {
                json.writeStartArray();
            } else {
                json.writeStartObject();
            }
            while (bytes[position] != 0) {
                int type = bytes[position] & 0xFF;
                int nameEnd = cStringEnd(position + 1);
                if (!array) {
                    name(position + 1, nameEnd);
                }
                position = value(type, nameEnd + 1);
            }
            if (array) {
                json.writeEndArray();
            } else {
                json.writeEndObject();
            }
            return end;
        }

        /** Writes the value of this BSON type at {@code at}; returns the position after it. */
        private int value(int type, int at) {
            return switch (type) {
                case 0x01 -> {
                    TachiJsonModule.writeDouble(Double.longBitsToDouble(int64(at)), json);
                    yield at + 8;
                }
                case 0x02 -> string(at);
                case 0x03 -> document(at, false);
                case 0x04 -> document(at, true);
                case 0x07 -> {
                    json.writeString(new ObjectId(ByteBuffer.wrap(bytes, at, 12)).toHexString());
                    yield at + 12;
                }
                case 0x08 -> {
                    json.writeBoolean(bool(at));
                    yield at + 1;
                }
                case 0x09 -> {
                    json.writeString(Instant.ofEpochMilli(int64(at)).toString());
                    yield at + 8;
                }
                case 0x0A -> {
                    json.writeNull();
                    yield at;
                }
                case 0x10 -> {
                    json.writeNumber(int32(at));
                    yield at + 4;
                }
                case 0x12 -> {
                    json.writeNumber(int64(at));
                    yield at + 8;
                }
                case 0x13 -> {
                    TachiJsonModule.writeDecimal(Decimal128.fromIEEE754BIDEncoding(int64(at + 8), int64(at)), json);
                    yield at + 16;
                }
                default -> rare(type, at);
            };
        }

        /** A UTF-8 string as the driver checks it: a positive length that includes its final NUL. */
        private int string(int at) {
            int size = int32(at);
            int text = at + 4;
            if (size <= 0 || bytes[text + size - 1] != 0) {
                throw new BsonSerializationException("Invalid BSON string of size " + size);
            }
            int length = size - 1;
            if (json instanceof UTF8JsonGenerator && isAscii(text, length)) {
                json.writeUTF8String(bytes, text, length);
            } else {
                json.writeString(new String(bytes, text, length, StandardCharsets.UTF_8));
            }
            return text + size;
        }

        private void name(int from, int to) {
            int hash = 0;
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b < 0x20 || b == '"' || b == '\\' || b == 0x7F) {
                    // Negative (non-ASCII), control, or escaped in JSON: as the driver decodes it.
                    json.writeName(new String(bytes, from, to - from, StandardCharsets.UTF_8));
                    return;
                }
                hash = 31 * hash + b;
            }
            int slot = (hash ^ (hash >>> 16)) & (NAMES.length - 1);
            Name cached = NAMES[slot];
            if (cached == null || !Arrays.equals(cached.utf8(), 0, cached.utf8().length, bytes, from, to)) {
                String text = new String(bytes, from, to - from, StandardCharsets.US_ASCII);
                cached = new Name(Arrays.copyOfRange(bytes, from, to), new SerializedString(text));
                NAMES[slot] = cached;
            }
            json.writeName(cached.json());
        }

        /**
         * A rare type, decoded by the service's decoder as within any stored document
         * ({@link RawDocuments#decodeValue}). Lengths are BSON's; an unknown type fails as the driver's reader fails.
         */
        private int rare(int type, int at) {
            int length = switch (type) {
                case 0x05 -> 5 + int32(at);
                case 0x06, 0x7F, 0xFF -> 0;
                case 0x0B -> cStringEnd(cStringEnd(at) + 1) + 1 - at;
                case 0x0C -> 4 + int32(at) + 12;
                case 0x0D, 0x0E -> 4 + int32(at);
                case 0x0F -> int32(at);
                case 0x11 -> 8;
                default -> throw new BsonSerializationException("Unknown BSON type 0x" + Integer.toHexString(type));
            };
            json.writePOJO(RawDocuments.decodeValue(rareTypes, type, bytes, at, length));
            return at + length;
        }

        private boolean bool(int at) {
            byte value = bytes[at];
            if (value != 0 && value != 1) {
                throw new BsonSerializationException("Invalid BSON boolean " + value);
            }
            return value == 1;
        }

        private boolean isAscii(int from, int length) {
            for (int i = from; i < from + length; i++) {
                if (bytes[i] < 0) {
                    return false;
                }
            }
            return true;
        }

        private int cStringEnd(int from) {
            int i = from;
            while (bytes[i] != 0) {
                i++;
            }
            return i;
        }

        private int int32(int at) {
            return (bytes[at] & 0xFF)
                    | (bytes[at + 1] & 0xFF) << 8
                    | (bytes[at + 2] & 0xFF) << 16
                    | (bytes[at + 3] & 0xFF) << 24;
        }

        private long int64(int at) {
            return (int32(at) & 0xFFFFFFFFL) | (long) int32(at + 4) << 32;
        }
    }
}
