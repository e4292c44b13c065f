package org.tachi.sessions.json;

import java.time.Instant;
import java.util.Date;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Serialises stored MongoDB values the way Tachi's Node.js server does, so a response is
 * byte-for-byte what Tachi would send: doubles in JavaScript notation (non-finite ones as
 * {@code null}), dates as ISO-8601 strings and ObjectIds as hex strings (their {@code toJSON}),
 * Decimal128 as a plain number.
 */
public class TachiJsonModule extends SimpleModule {

    public TachiJsonModule() {
        super("tachi-json");
        ValueSerializer<Double> doubles = new ValueSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializationContext ctxt) {
                writeDouble(value, gen);
            }
        };
        addSerializer(Double.class, doubles);
        addSerializer(double.class, doubles);
        addSerializer(Float.class, new ValueSerializer<>() {
            @Override
            public void serialize(Float value, JsonGenerator gen, SerializationContext ctxt) {
                writeDouble(Double.parseDouble(value.toString()), gen);
            }
        });
        addSerializer(Date.class, new ValueSerializer<>() {
            @Override
            public void serialize(Date value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(Instant.ofEpochMilli(value.getTime()).toString());
            }
        });
        addSerializer(ObjectId.class, new ValueSerializer<>() {
            @Override
            public void serialize(ObjectId value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toHexString());
            }
        });
        addSerializer(Decimal128.class, new ValueSerializer<>() {
            @Override
            public void serialize(Decimal128 value, JsonGenerator gen, SerializationContext ctxt) {
                writeDecimal(value, gen);
            }
        });
    }

    static void writeDecimal(Decimal128 value, JsonGenerator gen) {
        if (value.isNaN() || value.isInfinite()) {
            gen.writeNull();
        } else {
            gen.writeNumber(value.bigDecimalValue().toPlainString());
        }
    }

    static void writeDouble(double value, JsonGenerator gen) {
        if (Double.isFinite(value)) {
            gen.writeNumber(JsNumbers.format(value));
        } else {
            gen.writeNull();
        }
    }
}
