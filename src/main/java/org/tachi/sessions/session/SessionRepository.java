package org.tachi.sessions.session;

import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
class SessionRepository {

    private static final String COLLECTION = "sessions";

    private final DocumentQueries queries;

    SessionRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    Optional<Document> findBySessionID(String sessionID) {
        return queries.findOne(COLLECTION, Filters.eq("sessionID", sessionID));
    }

    /**
     * Sets these fields in one atomic {@code findOneAndUpdate}: no read-modify-write, so concurrent
     * PATCHes never lose each other's fields.
     * @return the whole session after the update, or empty if it no longer exists
     */
    Optional<Document> setFields(String sessionID, Document fields) {
        return queries.setFields(COLLECTION, Filters.eq("sessionID", sessionID), fields);
    }
}
