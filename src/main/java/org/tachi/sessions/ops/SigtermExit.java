package org.tachi.sessions.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * A SIGTERM (what {@code docker stop} and Kubernetes send) is an orderly stop, not a crash: the
 * JVM's own handler runs the shutdown hooks (Spring's graceful shutdown: in-flight requests finish,
 * then the context closes) but exits with 143. This handler runs the same hooks through
 * {@code System.exit(0)}, so a clean stop exits 0. If the hooks hang, the orchestrator's SIGKILL
 * still ends the process (137).
 */
@Component
@ConditionalOnProperty(name = "tachi.shutdown.sigterm-exit-zero", matchIfMissing = true)
class SigtermExit {

    private static final Logger log = LoggerFactory.getLogger(SigtermExit.class);

    SigtermExit() {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                log.info("SIGTERM received: shutting down gracefully");
                System.exit(0);
            });
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            // no SIGTERM on this platform, or the JVM was started with -Xrs: keep the JVM's default
            log.debug("Keeping the JVM's SIGTERM handling: {}", unavailable.toString());
        }
    }
}
