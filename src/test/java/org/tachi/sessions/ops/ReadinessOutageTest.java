package org.tachi.sessions.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows MongoDB: DOWN (503) while it is gone, UP again once it is back; liveness stays
 * UP throughout, so an orchestrator stops routing traffic instead of restarting the service. Uses
 * its own wire-protocol server, stopped and restarted on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tachi.demo-data.enabled=false", "tachi.mongodb.server-selection-timeout=1s" })
class ReadinessOutageTest {

	static final int PORT = freePort();

	static MongoServer server = start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + PORT + "/tachi");
	}

	@AfterAll
	static void stop() {
		server.shutdownNow();
	}

	@Test
	void readinessIsDownWhileMongoDbIsGoneAndLivenessStaysUp() throws Exception {
		OpsHttp http = new OpsHttp(port);
		assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		server.shutdownNow();
		HttpResponse<String> readiness = http.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		Document body = Document.parse(readiness.body());
		assertThat(body.getString("status")).isEqualTo("DOWN");
		assertThat(body.get("components", Document.class).get("mongo", Document.class).getString("status"))
			.isEqualTo("DOWN");
		assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		server = start();
		int status = 0;
		Instant deadline = Instant.now().plusSeconds(30);
		while (status != 200 && Instant.now().isBefore(deadline)) {
			status = http.get("/actuator/health/readiness").statusCode();
		}
		assertThat(status).as("ready again once MongoDB is back").isEqualTo(200);
	}

	private static MongoServer start() {
		MongoServer mongo = new MongoServer(new MemoryBackend());
		mongo.bind("127.0.0.1", PORT);
		return mongo;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
