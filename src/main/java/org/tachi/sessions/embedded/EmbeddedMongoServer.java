package org.tachi.sessions.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The default database when no MongoDB is configured: an in-process MongoDB wire-protocol server
 * (mongo-java-server, memory backend) on 127.0.0.1 and a free port. Everything in it is lost on exit.
 */
public class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());

    public EmbeddedMongoServer() {
        server.bind("127.0.0.1", 0);
    }

    public ConnectionString connectionString() {
        return new ConnectionString(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/tachi");
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
