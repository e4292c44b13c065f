package org.tachi.sessions.folders;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

/**
 * Tachi's {@code folder-chart-lookup}: one {@code {folderID, chartID}} entry per chart of a folder, which
 * alone defines folder membership. Entries are read in the collection's natural order, never sorted: a
 * folder's chart order is the order Tachi wrote its entries in, and the answer shows it.
 */
@Repository
class FolderChartLookupRepository {

    private static final String COLLECTION = "folder-chart-lookup";

    private final DocumentQueries queries;

    FolderChartLookupRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    /** The folderIDs holding any of these charts, each once. */
    List<Object> findFolderIDsHolding(Collection<?> chartIDs) {
        if (chartIDs.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<Object> folderIDs = new LinkedHashSet<>();
        for (Document entry : queries.findAll(COLLECTION, Filters.in("chartID", chartIDs), "folderID")) {
            folderIDs.add(entry.get("folderID"));
        }
        return new ArrayList<>(folderIDs);
    }

    /** Each folder's chartIDs in natural order, in one query for all the folders. */
    Map<Object, List<Object>> findChartIDsOf(Collection<?> folderIDs) {
        Map<Object, List<Object>> chartIDs = new LinkedHashMap<>();
        if (folderIDs.isEmpty()) {
            return chartIDs;
        }
        for (Document entry : queries.findAll(COLLECTION, Filters.in("folderID", folderIDs), "folderID", "chartID")) {
            chartIDs.computeIfAbsent(entry.get("folderID"), f -> new ArrayList<>())
                    .add(entry.get("chartID"));
        }
        return chartIDs;
    }
}
