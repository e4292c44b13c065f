package org.tachi.sessions.score;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class ScoreRepository {

    static final String COLLECTION = "scores";

    private final DocumentQueries queries;

    ScoreRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    /**
     * The session owner's scores on these charts achieved strictly before the session started:
     * everything the previous personal bests of a whole session are computed from, in one query. As
     * in Tachi, no time limit at all when the session has no {@code timeStarted}; otherwise MongoDB's
     * {@code $lt}, under which only numeric {@code timeAchieved} values are ever "before" a number (and
     * nothing before null). Only {@code fields} (dotted paths) are read.
     */
    public List<Document> findEarlierScores(Document session, Collection<?> chartIDs, List<String> fields) {
        if (chartIDs.isEmpty()) {
            return List.of();
        }
        List<Bson> filter =
                new ArrayList<>(List.of(Filters.eq("userID", session.get("userID")), Filters.in("chartID", chartIDs)));
        if (session.containsKey("timeStarted")) {
            filter.add(Filters.lt("timeAchieved", session.get("timeStarted")));
        }
        return queries.findAll(COLLECTION, Filters.and(filter), fields.toArray(String[]::new));
    }

    /**
     * Per chart, the highest stored {@code scoreData.enumIndexes.<metric>} of each metric among a user's
     * scores on these charts that reached Tachi before a time, in one aggregation: documents
     * {@code {_id: chartID, <metric>: max}}, a metric's max being null when no score has it. "Before" is
     * Tachi's {@code timeAdded: {$not: {$gte: before}}}, so a null, missing or non-numeric {@code timeAdded}
     * counts as before, and a null {@code before} leaves the answer to the database's {@code $gte: null}.
     * {@code $max} is MongoDB's, so a string index outranks every number, as in Tachi.
     */
    public List<Document> findEnumIndexMaxima(
            Object userID, Collection<?> chartIDs, @Nullable Object before, Collection<String> enumMetrics) {
        if (chartIDs.isEmpty()) {
            return List.of();
        }
        List<BsonField> maxima = enumMetrics.stream()
                .map(metric -> Accumulators.max(metric, "$scoreData.enumIndexes." + metric))
                .toList();
        return queries.aggregate(
                COLLECTION,
                List.of(
                        Aggregates.match(Filters.and(
                                Filters.in("chartID", chartIDs),
                                Filters.eq("userID", userID),
                                Filters.not(Filters.gte("timeAdded", before)))),
                        Aggregates.group("$chartID", maxima)));
    }

    /** The scores with these scoreIDs, ascending by scoreID; unknown IDs are simply absent. */
    public List<Document> findByScoreIDs(Collection<?> scoreIDs) {
        return queries.findAllIn(COLLECTION, "scoreID", scoreIDs);
    }

    /** {@link #findByScoreIDs}, as the bytes the database sent (for passing them on unread). */
    public List<RawBsonDocument> findRawByScoreIDs(Collection<?> scoreIDs) {
        return queries.findAllInRaw(COLLECTION, "scoreID", scoreIDs);
    }
}
