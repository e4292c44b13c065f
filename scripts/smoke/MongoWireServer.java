import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * A throw-away MongoDB wire-protocol server (mongo-java-server, in memory) for
 * scripts/container-smoke.sh, run from source with the libraries inside the service's own jar:
 *
 *   java -cp 'lib/*' scripts/smoke/MongoWireServer.java [port]
 *
 * Binds 127.0.0.1 (port 0 = any free one), prints "listening on 127.0.0.1:PORT", runs until killed.
 * Answers {@code hello} (which mongo-java-server lacks) as {@code isMaster}, as a real mongod does, so
 * that Boot's MongoDB health check, the one the service uses with a configured MongoDB, works.
 */
public class MongoWireServer {

	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
		MongoServer server = new MongoServer(new MemoryBackend() {
			@Override
			public Document handleCommand(Channel channel, String database, String command, Document query) {
				return super.handleCommand(channel, database, "hello".equals(command) ? "isMaster" : command, query);
			}
		});
		server.bind("127.0.0.1", port);
		InetSocketAddress address = server.getLocalAddress();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		System.out.println("listening on 127.0.0.1:" + address.getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
