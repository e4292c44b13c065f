package org.tachi.sessions.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine runs here, for the test backends that prefer a real server in a container. */
final class Docker {

    private Docker() {}

    /**
     * Asked quietly: without an engine Testcontainers logs an ERROR with every strategy it tried, an
     * expected outcome here that would otherwise be the one ERROR line of a green build.
     */
    static boolean available() {
        Logger testcontainers = (Logger) LoggerFactory.getLogger("org.testcontainers");
        Level level = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException unavailable) {
            return false;
        } finally {
            testcontainers.setLevel(level);
        }
    }
}
