package org.tachi.sessions.score;

import java.util.Collection;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import org.tachi.sessions.mongo.DocumentQueries;

@Repository
public class ScoreRepository {

	static final String COLLECTION = "scores";

	private final MongoTemplate mongo;

	ScoreRepository(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The scores with these scoreIDs, ascending by scoreID; unknown IDs are simply absent. */
	public List<Document> findByScoreIDs(Collection<?> scoreIDs) {
		return DocumentQueries.findAllIn(mongo.getCollection(COLLECTION), "scoreID", scoreIDs);
	}

}
