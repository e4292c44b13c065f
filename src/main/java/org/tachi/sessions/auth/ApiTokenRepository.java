package org.tachi.sessions.auth;

import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class ApiTokenRepository {

    private final DocumentQueries queries;

    ApiTokenRepository(DocumentQueries queries) {
        this.queries = queries;
    }

    public Optional<Document> findByToken(String token) {
        return queries.findOne("api-tokens", Filters.eq("token", token));
    }
}
