package org.tachi.sessions.catalog;

import java.util.Set;

/**
 * Tachi's games. Only these name a {@code songs-<game>} / {@code charts-<game>} collection: a
 * session whose game is anything else never makes the service touch an arbitrary collection.
 */
public final class Games {

    public static final Set<String> ALL = Set.of(
            "iidx",
            "museca",
            "chunithm",
            "bms",
            "gitadora",
            "jubeat",
            "maimai",
            "maimaidx",
            "popn",
            "sdvx",
            "usc",
            "wacca",
            "pms",
            "itg",
            "arcaea",
            "ongeki",
            "ddr");

    private Games() {}

    public static boolean isKnown(Object game) {
        return game instanceof String name && ALL.contains(name);
    }
}
