package org.tachi.sessions.catalog;

import java.util.Set;
import org.tachi.sessions.scoreinfo.GptCatalog;

/**
 * Tachi's games, as {@code tachi/gpt-metrics.json} lists them (no second copy of the list). Only
 * these name a {@code songs-<game>} / {@code charts-<game>} collection: a session whose game is
 * anything else never makes the service touch an arbitrary collection.
 */
public final class Games {

    public static final Set<String> ALL = GptCatalog.games();

    private Games() {}

    public static boolean isKnown(Object game) {
        return game instanceof String name && ALL.contains(name);
    }
}
