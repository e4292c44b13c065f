package org.tachi.sessions.auth;

import com.mongodb.client.model.Filters;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class ApiTokenRepository {

    private final MongoTemplate mongo;

    private final DocumentQueries queries;

    ApiTokenRepository(MongoTemplate mongo, DocumentQueries queries) {
        this.mongo = mongo;
        this.queries = queries;
    }

    public Optional<Document> findByToken(String token) {
        return queries.findOne(mongo.getCollection("api-tokens"), Filters.eq("token", token));
    }
}
