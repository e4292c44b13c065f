package org.tachi.sessions.session;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.jspecify.annotations.Nullable;
import org.tachi.sessions.json.BsonJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The body of {@code GET /api/v1/sessions/:sessionID}, in Tachi's key order, written as it is
 * serialised: songs, charts and scores go from the database's bytes straight to the response
 * ({@link BsonJson}), never decoded into {@code Document}s, and each {@code scoreInfo} entry is
 * computed just before it is written, so nothing but the raw documents is held. Documents are the
 * stored ones, untouched but for {@code _id}; {@code user} is {@code null} when the owner has no
 * user document, as in Tachi.
 *
 * @param scoreInfo a score's scoreInfo entry, from the fields {@code scoreFields} decodes
 */
record SessionPage(
        Document session,
        List<RawBsonDocument> songs,
        List<RawBsonDocument> charts,
        List<RawBsonDocument> scores,
        @Nullable Document user,
        Function<RawBsonDocument, Map<String, Object>> scoreInfo,
        Codec<Document> documents)
        implements JacksonSerializable {

    @Override
    public void serialize(JsonGenerator json, SerializationContext context) {
        json.writeStartObject();
        json.writeName("session");
        json.writePOJO(session);
        writeAll(json, "songs", songs);
        writeAll(json, "charts", charts);
        writeAll(json, "scores", scores);
        json.writeName("user");
        json.writePOJO(user);
        json.writeName("scoreInfo");
        json.writeStartArray();
        for (RawBsonDocument score : scores) {
            json.writePOJO(scoreInfo.apply(score));
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator json, SerializationContext context, TypeSerializer types) {
        serialize(json, context);
    }

    private void writeAll(JsonGenerator json, String name, List<RawBsonDocument> documents) {
        json.writeName(name);
        json.writeStartArray();
        for (RawBsonDocument document : documents) {
            BsonJson.write(document, json, this.documents);
        }
        json.writeEndArray();
    }
}
