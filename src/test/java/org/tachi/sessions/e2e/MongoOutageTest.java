package org.tachi.sessions.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * MongoDB going away and coming back: requests fail fast with a 503 envelope while it is gone, and
 * the service recovers by itself once it returns. Uses its own wire-protocol server, which it stops
 * and restarts on the same port.
 */
@SpringBootTest(properties = { "tachi.demo-data.enabled=false", "tachi.mongodb.server-selection-timeout=1s" })
@AutoConfigureMockMvc
class MongoOutageTest {

	static final int PORT = freePort();

	static MongoServer server = start();

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/tachi");
	}

	@AfterAll
	static void stop() {
		server.shutdownNow();
	}

	@Test
	void unreachableDatabaseIsAFast503AndTheServiceRecoversByItself() throws Exception {
		assertThat(status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn())).isEqualTo(404);

		server.shutdownNow();
		Instant before = Instant.now();
		MvcResult down = mvc.perform(get("/api/v1/sessions/Qnone")).andReturn();
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(status(down)).isEqualTo(503);
		assertThat(down.getResponse().getContentAsString()).isEqualTo(
				"{\"success\":false,\"description\":\"The database is unavailable right now. Please try again shortly.\"}");

		server = start();
		int status = 0;
		Instant deadline = Instant.now().plusSeconds(30);
		while (status != 404 && Instant.now().isBefore(deadline)) {
			status = status(mvc.perform(get("/api/v1/sessions/Qnone")).andReturn());
		}
		assertThat(status).as("answers from the database again").isEqualTo(404);
	}

	private static int status(MvcResult result) {
		return result.getResponse().getStatus();
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
