package org.tachi.sessions.catalog;

import com.mongodb.client.model.Filters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

/**
 * Songs ({@code songs-<game>}, keyed by {@code id}) and charts ({@code charts-<game>}, keyed by
 * {@code chartID}) of every game.
 */
@Repository
public class CatalogRepository {

    private final DocumentQueries queries;

    CatalogRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    /** The songs with these ids, ascending by id; none for a game Tachi does not know. */
    public List<Document> findSongs(Object game, Collection<?> songIDs) {
        return find("songs-", game, "id", songIDs);
    }

    /** The charts with these chartIDs, ascending by chartID; none for a game Tachi does not know. */
    public List<Document> findCharts(Object game, Collection<?> chartIDs) {
        return find("charts-", game, "chartID", chartIDs);
    }

    /** Which of these chartIDs have a chart document; none for a game Tachi does not know. */
    public Set<Object> findExistingChartIDs(Object game, Collection<?> chartIDs) {
        if (!Games.isKnown(game) || chartIDs.isEmpty()) {
            return Set.of();
        }
        return queries.findAll("charts-" + game, Filters.in("chartID", chartIDs), "chartID").stream()
                .map(chart -> chart.get("chartID"))
                .collect(Collectors.toSet());
    }

    /** {@link #findSongs}, as the bytes the database sent (for passing them on unread). */
    public List<RawBsonDocument> findRawSongs(Object game, Collection<?> songIDs) {
        return findRaw("songs-", game, "id", songIDs);
    }

    /** {@link #findCharts}, as the bytes the database sent (for passing them on unread). */
    public List<RawBsonDocument> findRawCharts(Object game, Collection<?> chartIDs) {
        return findRaw("charts-", game, "chartID", chartIDs);
    }

    private List<RawBsonDocument> findRaw(String prefix, Object game, String key, Collection<?> values) {
        if (!Games.isKnown(game)) {
            return List.of();
        }
        return queries.findAllInRaw(prefix + game, key, values);
    }

    private List<Document> find(String prefix, Object game, String key, Collection<?> values) {
        if (!Games.isKnown(game)) {
            return List.of();
        }
        return queries.findAllIn(prefix + game, key, values);
    }
}
