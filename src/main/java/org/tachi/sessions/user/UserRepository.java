package org.tachi.sessions.user;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class UserRepository {

    /** Tachi's {@code UserAuthLevels.BANNED}. */
    public static final int BANNED = 0;

    private final DocumentQueries queries;

    UserRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    /**
     * The public user document: a legacy document's {@code password} and {@code email} never
     * leave the database.
     */
    public Optional<Document> findPublicUser(Object userID) {
        return queries.findOne("users", Filters.eq("id", userID), Projections.exclude("_id", "password", "email"));
    }

    public boolean isBanned(Object userID) {
        return queries.findOne("users", Filters.and(Filters.eq("id", userID), Filters.eq("authLevel", BANNED)))
                .isPresent();
    }
}
