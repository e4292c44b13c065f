# tachi-sessions image, built from source: a fresh clone needs nothing but
#
#   docker build -t tachi-sessions .
#
# BUILDER is a Java 17 JDK image (it runs the Maven wrapper, which fetches Maven and the
# dependencies from Maven Central). BASE is any Java 17+ runtime image with bash (for the health
# check). The defaults are public images; override either with --build-arg.
ARG BUILDER=eclipse-temurin:17-jdk
ARG BASE=eclipse-temurin:17-jre

FROM ${BUILDER} AS build
WORKDIR /build
# The build files first: this layer, and the dependency download below, are reused until pom.xml or
# the wrapper changes. The cache mount keeps ~/.m2 (Maven itself and the repository) between builds,
# so even a pom change downloads only what is new. It is not part of any image layer.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline
COPY src/main/ src/main/
# No tests here: CI runs them (./mvnw verify) before the image is built; -Dmaven.test.skip also
# skips compiling them, so src/test is not in the build context and editing a test keeps this layer.
# There is no .git in the context: git.properties (the commit in /actuator/info) is then just
# absent, the git-commit-id plugin is configured not to fail.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -Dmaven.test.skip=true package \
 && java -Djarmode=tools -jar target/tachi-sessions.jar extract --layers --launcher --destination extracted

# Spring Boot's layered jar, unpacked, so that dependencies (which rarely change) and the application
# (which changes every build) are separate image layers: a code change re-ships ~1 MB, not ~40 MB.
FROM ${BASE}
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY docker/healthcheck.sh /app/healthcheck.sh

# Never root. Numeric, so Kubernetes' runAsNonRoot can verify it; files stay root-owned (read-only).
USER 10001:10001

ENV SERVER_PORT=8080 \
    JAVA_OPTS=""
EXPOSE 8080

# Ready = serving and MongoDB answers a ping (see docs/operations.md). bash only: no curl needed.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "/app/healthcheck.sh"]

# Heap sized from the container's memory limit, not the host's. exec makes java PID 1 so it gets
# SIGTERM directly: in-flight requests finish (graceful shutdown), then it exits 143 (the JVM's
# status after SIGTERM; orchestrators count it as a clean stop). Without MONGODB_URI it refuses to
# start unless TACHI_DEMO=true (or the argument --demo) asks for the in-memory demo database.
# JAVA_OPTS comes last, so an operator's flags win.
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "tachi-sessions"]
