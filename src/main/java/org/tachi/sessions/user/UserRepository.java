package org.tachi.sessions.user;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class UserRepository {

    /** Tachi's {@code UserAuthLevels.BANNED}. */
    public static final int BANNED = 0;

    private final MongoTemplate mongo;

    private final DocumentQueries queries;

    UserRepository(MongoTemplate mongo, DocumentQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    /**
     * The public user document: a legacy document's {@code password} and {@code email} never
     * leave the database.
     */
    public Optional<Document> findPublicUser(Object userID) {
        return queries.findOne(
                mongo.getCollection("users"),
                Filters.eq("id", userID),
                Projections.exclude("_id", "password", "email"));
    }

    public boolean isBanned(Object userID) {
        return queries.findOne(
                        mongo.getCollection("users"),
                        Filters.and(Filters.eq("id", userID), Filters.eq("authLevel", BANNED)))
                .isPresent();
    }
}
