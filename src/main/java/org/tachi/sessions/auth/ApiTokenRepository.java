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

    ApiTokenRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Document> findByToken(String token) {
        return DocumentQueries.findOne(mongo.getCollection("api-tokens"), Filters.eq("token", token));
    }
}
