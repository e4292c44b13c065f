package org.tachi.sessions.folders;

import com.mongodb.client.model.Filters;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

/** Tachi's {@code folders} collection, keyed by {@code folderID}. */
@Repository
class FolderRepository {

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
                "folders", Filters.and(Filters.in("folderID", folderIDs), Filters.eq("inactive", false)), "folderID");
    }
}
