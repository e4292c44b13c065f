package org.tachi.sessions.ratelimit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tachi.sessions.TachiSessionsApplication;

/**
 * One instance of the service on a random port, as a load balancer would see it: loopback is its
 * trusted proxy, so each test's requests carry a client address of their own in {@code X-Forwarded-For}
 * (a real Redis from {@code REDIS_URL} keeps keys between runs).
 */
final class Instance implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;

    private final int port;

    /** {@code extraArguments}: more {@code --name=value} settings, e.g. Redis's SSL bundle. */
    Instance(String mongoUri, String redisUrl, int requests, String... extraArguments) {
        // arguments, which win over application.properties (server.port=${SERVER_PORT:8080})
        context = new SpringApplicationBuilder(TachiSessionsApplication.class)
                .run(Stream.concat(
                                Stream.of(
                                        "--server.port=0",
                                        "--spring.main.banner-mode=off",
                                        "--spring.mongodb.uri=" + mongoUri,
                                        "--tachi.demo-data.enabled=false",
                                        "--spring.data.redis.url=" + redisUrl,
                                        "--tachi.rate-limit.requests=" + requests,
                                        // jedis-mock's first Lua script takes seconds on a loaded machine;
                                        // Redis down is still noticed at once (commands are rejected while
                                        // disconnected)
                                        "--tachi.rate-limit.redis-timeout=5s",
                                        "--tachi.rate-limit.trusted-proxies=127.0.0.1"),
                                Stream.of(extraArguments))
                        .toArray(String[]::new));
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    HttpResponse<String> get(String client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions/Qnone"))
                .header("X-Forwarded-For", client)
                .timeout(Duration.ofSeconds(20))
                .build();
        return HTTP.send(request, BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
