package org.tachi.sessions.mongo;

import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line when MongoDB becomes unreachable and one INFO line when it is back, from the
 * driver's own view of the cluster, instead of a line (or a stack trace) per failed request.
 */
class MongoAvailabilityLog implements ClusterListener {

    private static final Logger log = LoggerFactory.getLogger(MongoAvailabilityLog.class);

    private boolean unreachable;

    @Override
    public synchronized void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
        ClusterDescription cluster = event.getNewDescription();
        boolean reachable = cluster.getServerDescriptions().stream().anyMatch(ServerDescription::isOk);
        if (reachable && unreachable) {
            unreachable = false;
            log.info("MongoDB is reachable again");
        } else if (!reachable && !unreachable && failure(cluster) != null) {
            unreachable = true;
            log.warn(
                    "MongoDB is unreachable ({}); requests that need it answer 503 until it is back", failure(cluster));
        }
    }

    private static String failure(ClusterDescription cluster) {
        return cluster.getServerDescriptions().stream()
                .map(ServerDescription::getException)
                .filter(Objects::nonNull)
                .map(Throwable::getMessage)
                .findFirst()
                .orElse(null);
    }
}
