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
 * Tachi's {@code folders} collection, keyed by {@code folderID}, and its {@code folder-chart-lookup}: one
 * {@code {folderID, chartID}} entry per chart of a folder, which alone defines folder membership. Lookup
 * entries are read in the collection's natural order, never sorted: a folder's chart order is the order
 * Tachi wrote its entries in, and the answer shows it.
 */
@Repository
class FolderRepository {

    private static final String FOLDERS = "folders";

    private static final String LOOKUP = "folder-chart-lookup";

    private final DocumentQueries queries;

    FolderRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    /**
     * The folders with these folderIDs whose {@code inactive} is the boolean {@code false} (missing, null
     * or {@code "false"} do not count, as in Tachi), whole, ascending by folderID.
     */
    List<Document> findActive(Collection<?> folderIDs) {
        if (folderIDs.isEmpty()) {
            return List.of();
        }
        return queries.findAllSortedBy(
                FOLDERS, Filters.and(Filters.in("folderID", folderIDs), Filters.eq("inactive", false)), "folderID");
    }

    /** The folderIDs holding any of these charts, each once. */
    List<Object> findFolderIDsHolding(Collection<?> chartIDs) {
        if (chartIDs.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<Object> folderIDs = new LinkedHashSet<>();
        for (Document entry : queries.findAll(LOOKUP, Filters.in("chartID", chartIDs), "folderID")) {
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
        for (Document entry : queries.findAll(LOOKUP, Filters.in("folderID", folderIDs), "folderID", "chartID")) {
            chartIDs.computeIfAbsent(entry.get("folderID"), f -> new ArrayList<>())
                    .add(entry.get("chartID"));
        }
        return chartIDs;
    }
}
