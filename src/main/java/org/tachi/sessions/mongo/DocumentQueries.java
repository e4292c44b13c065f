package org.tachi.sessions.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The two query shapes every lookup of this service uses. Documents come back raw (every stored
 * field and number type, unknown fields included) minus {@code _id}, as Tachi returns them.
 */
public final class DocumentQueries {

    /**
     * Large enough that a session's documents arrive in one reply: the number of round trips
     * stays the same whatever the session's size.
     */
    public static final int BATCH_SIZE = 100_000;

    private static final Bson WITHOUT_ID = Projections.excludeId();

    private DocumentQueries() {}

    public static Optional<Document> findOne(MongoCollection<Document> collection, Bson filter) {
        return Optional.ofNullable(
                collection.find(filter).projection(WITHOUT_ID).limit(1).first());
    }

    /**
     * All documents matching the filter, with only the given fields, in the database's natural order.
     */
    public static List<Document> findAll(MongoCollection<Document> collection, Bson filter, String... fields) {
        return collection
                .find(filter)
                .projection(Projections.fields(WITHOUT_ID, Projections.include(fields)))
                .batchSize(BATCH_SIZE)
                .into(new ArrayList<>());
    }

    /**
     * One indexed {@code $in} query, sorted by the same (uniquely indexed) field, so the order is
     * explicit rather than whatever the database happens to return.
     */
    public static List<Document> findAllIn(MongoCollection<Document> collection, String field, Collection<?> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return findAllSortedBy(collection, Filters.in(field, values), field);
    }

    /** All whole documents matching the filter, ascending by one field. */
    public static List<Document> findAllSortedBy(MongoCollection<Document> collection, Bson filter, String field) {
        return collection
                .find(filter)
                .projection(WITHOUT_ID)
                .sort(Sorts.ascending(field))
                .batchSize(BATCH_SIZE)
                .into(new ArrayList<>());
    }
}
