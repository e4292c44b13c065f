package org.tachi.sessions.scoreinfo;

import static org.tachi.sessions.scoreinfo.Documents.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** The {@code deltas} of one scoreInfo entry: how a session score compares with the previous PB. */
final class ScoreDeltas {

    private ScoreDeltas() {}

    /**
     * One key per metric, in the metrics' order. ENUM metrics compare the index stored on the score (never
     * recomputed) with the PB's recomputed index, other metrics the values themselves.
     *
     * @return metric name to Double, or to null where JavaScript would yield NaN
     */
    static Map<String, Object> between(Document score, PreviousPb pb, List<ScoreMetric> metrics) {
        Map<String, Object> scoreData = embedded(score, "scoreData");
        Map<String, Object> deltas = new LinkedHashMap<>();
        for (ScoreMetric metric : metrics) {
            String name = metric.name();
            if (metric.type() != ScoreMetric.Type.ENUM) {
                deltas.put(name, JsArithmetic.difference(scoreData, pb.scoreData(), name));
            } else if (!pb.unindexableEnums().contains(name)) {
                deltas.put(name, JsArithmetic.difference(embedded(scoreData, "enumIndexes"), pb.enumIndexes(), name));
            }
        }
        return deltas;
    }
}
