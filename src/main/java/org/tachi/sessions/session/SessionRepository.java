package org.tachi.sessions.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
class SessionRepository {

    private final MongoTemplate mongo;

    SessionRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Document> findBySessionID(String sessionID) {
        return DocumentQueries.findOne(sessions(), Filters.eq("sessionID", sessionID));
    }

    /**
     * Sets these fields in one atomic {@code findOneAndUpdate}: no read-modify-write, so concurrent
     * PATCHes never lose each other's fields.
     * @return the whole session after the update, or empty if it no longer exists
     */
    Optional<Document> setFields(String sessionID, Document fields) {
        return Optional.ofNullable(sessions()
                .findOneAndUpdate(
                        Filters.eq("sessionID", sessionID),
                        new Document("$set", fields),
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.excludeId())));
    }

    private MongoCollection<Document> sessions() {
        return mongo.getCollection("sessions");
    }
}
