package org.tachi.sessions.scoreinfo;

import java.util.List;
import java.util.Map;

/**
 * A session's scoreInfo, with what Tachi's own computation would have stumbled on.
 *
 * @param entries       the {@code scoreInfo} array: one entry per session score, in their order (see
 *                      {@link ScoreInfoCalculator#compute})
 * @param tachiFailures one line per score on which Tachi's computation throws (and its route answers HTTP
 *                      500), in score order; empty when Tachi computes this scoreInfo too. The entries are
 *                      complete either way: leaving these out is what the GET does beyond Tachi.
 */
public record ScoreInfo(List<Map<String, Object>> entries, List<String> tachiFailures) {

    public ScoreInfo {
        entries = List.copyOf(entries);
        tachiFailures = List.copyOf(tachiFailures);
    }
}
