# tachi-sessions runtime image. Build the jar first, then the image:
#
#   ./mvnw -B package            # -> target/tachi-sessions.jar
#   docker build -t tachi-sessions .
#
# BASE is any Java 17+ runtime image with bash (for the health check); the default is a public one.
ARG BASE=eclipse-temurin:17-jre

# Unpack Spring Boot's layered jar so that dependencies (which rarely change) and the application
# (which changes every build) are separate image layers: a code change re-ships ~1 MB, not ~40 MB.
FROM ${BASE} AS layers
WORKDIR /build
COPY target/tachi-sessions.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${BASE}
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
COPY docker/healthcheck.sh /app/healthcheck.sh

# Never root. Numeric, so Kubernetes' runAsNonRoot can verify it; files stay root-owned (read-only).
USER 10001:10001

ENV SERVER_PORT=8080 \
    JAVA_OPTS=""
EXPOSE 8080

# Ready = serving and MongoDB answers a ping (see docs/operations.md). bash only: no curl needed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "/app/healthcheck.sh"]

# Heap sized from the container's memory limit, not the host's. exec makes java PID 1 so it gets
# SIGTERM directly: in-flight requests finish (graceful shutdown), then it exits 0.
# JAVA_OPTS comes last, so an operator's flags win.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "tachi-sessions"]
