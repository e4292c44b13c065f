package org.tachi.sessions.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A MongoDB wire-protocol server of a test's own, on a fixed port so that it can be stopped and
 * started again under a running service (an outage and the recovery from it). mongo-java-server
 * lacks the {@code hello} command that Boot's MongoDB health check (the one used with a configured
 * MongoDB) sends; this one answers it as {@code isMaster}, as a real {@code mongod} would.
 */
public final class RestartableMongoServer {

    private final int port = freePort();

    private MongoServer server;

    public RestartableMongoServer() {
        start();
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/tachi";
    }

    public void start() {
        server = new MongoServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, "hello".equals(command) ? "isMaster" : command, query);
            }
        });
        server.bind("127.0.0.1", port);
    }

    public void stop() {
        server.shutdownNow();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
