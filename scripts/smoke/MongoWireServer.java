import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A throw-away MongoDB wire-protocol server (mongo-java-server, in memory) for
 * scripts/container-smoke.sh, run from source with the libraries inside the service's own jar:
 *
 *   java -cp 'lib/*' scripts/smoke/MongoWireServer.java [port]
 *
 * Binds 127.0.0.1 (port 0 = any free one), prints "listening on 127.0.0.1:PORT", runs until killed.
 */
public class MongoWireServer {

	public static void main(String[] args) throws InterruptedException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", port);
		InetSocketAddress address = server.getLocalAddress();
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		System.out.println("listening on 127.0.0.1:" + address.getPort());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
