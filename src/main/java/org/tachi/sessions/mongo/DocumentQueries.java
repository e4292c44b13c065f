package org.tachi.sessions.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The query shapes every lookup of this service uses, on a collection named by its repository (so a
 * repository holds nothing but its queries). Documents come back raw (every stored field
 * and number type, unknown fields included) minus {@code _id}, as Tachi returns them. Every query
 * carries {@code maxTimeMS} ({@code tachi.mongodb.max-time}), so MongoDB never works on one longer.
 *
 * <p>Why {@code maxTimeMS} per query and not the driver's client-wide {@code timeoutMS}: in driver
 * 5.6 {@code MongoClientSettings.Builder#timeout} is still {@code @Alpha} (its behaviour may change),
 * and it bounds a cursor's whole lifetime, including the time a slow client takes to read a large
 * answer, while {@code maxTimeMS} bounds only the server's work.
 *
 * <p>Documents come back as {@code Document}s where the service reads them, as
 * {@code RawBsonDocument}s (the bytes as they came, nothing decoded) where they are only passed
 * on to the response.
 */
@Component
public final class DocumentQueries {

    /**
     * Large enough that a session's documents arrive in one reply: the number of round trips
     * stays the same whatever the session's size.
     */
    public static final int BATCH_SIZE = 100_000;

    private static final Bson WITHOUT_ID = Projections.excludeId();

    private final MongoTemplate mongo;

    private final long maxTimeMillis;

    /** The collections' codecs, but raw documents read by {@link RawDocumentCodec}. */
    private final CodecRegistry rawCodecs;

    DocumentQueries(MongoTemplate mongo, TachiMongoProperties properties) {
        this.mongo = mongo;
        this.maxTimeMillis = properties.maxTime().toMillis();
        this.rawCodecs = CodecRegistries.fromRegistries(
                CodecRegistries.fromCodecs(new RawDocumentCodec()),
                mongo.getDb().getCodecRegistry());
    }

    public Optional<Document> findOne(String collection, Bson filter) {
        return findOne(collection, filter, WITHOUT_ID);
    }

    public Optional<Document> findOne(String collection, Bson filter, Bson projection) {
        return Optional.ofNullable(mongo.getCollection(collection)
                .find(filter)
                .projection(projection)
                .limit(1)
                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)
                .first());
    }

    /** Sets fields of one document atomically and returns it as it is after the update, minus {@code _id}. */
    public Optional<Document> setFields(String collection, Bson filter, Document fields) {
        return Optional.ofNullable(mongo.getCollection(collection)
                .findOneAndUpdate(
                        filter,
                        new Document("$set", fields),
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(WITHOUT_ID)
                                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)));
    }

    /**
     * All documents matching the filter, with only the given fields, in the database's natural order.
     */
    public List<Document> findAll(String collection, Bson filter, String... fields) {
        return mongo.getCollection(collection)
                .find(filter)
                .projection(Projections.fields(WITHOUT_ID, Projections.include(fields)))
                .batchSize(BATCH_SIZE)
                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)
                .into(new ArrayList<>());
    }

    /**
     * One indexed {@code $in} query, sorted by the same (uniquely indexed) field, so the order is
     * explicit rather than whatever the database happens to return.
     */
    public List<Document> findAllIn(String collection, String field, Collection<?> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return findAllSortedBy(collection, Filters.in(field, values), field);
    }

    /** All whole documents matching the filter, ascending by one field. */
    public List<Document> findAllSortedBy(String collection, Bson filter, String field) {
        return mongo.getCollection(collection)
                .find(filter)
                .projection(WITHOUT_ID)
                .sort(Sorts.ascending(field))
                .batchSize(BATCH_SIZE)
                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)
                .into(new ArrayList<>());
    }

    /** An aggregation's whole answer, in one reply where the database allows. */
    public List<Document> aggregate(String collection, List<? extends Bson> pipeline) {
        return mongo.getCollection(collection)
                .aggregate(pipeline)
                .batchSize(BATCH_SIZE)
                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)
                .into(new ArrayList<>());
    }

    /** {@link #findAllIn}, the documents left as the bytes the database sent. */
    public List<RawBsonDocument> findAllInRaw(String collection, String field, Collection<?> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return mongo.getCollection(collection)
                .withDocumentClass(RawBsonDocument.class)
                .withCodecRegistry(rawCodecs)
                .find(Filters.in(field, values))
                .projection(WITHOUT_ID)
                .sort(Sorts.ascending(field))
                .batchSize(BATCH_SIZE)
                .maxTime(maxTimeMillis, TimeUnit.MILLISECONDS)
                .into(new ArrayList<>());
    }
}
