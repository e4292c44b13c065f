package org.tachi.sessions.folders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.tachi.sessions.scoreinfo.GptConfig;
import org.tachi.sessions.scoreinfo.ScoreMetric;

/**
 * Tachi's folder raises of one session, from data already read: pure, one algorithm for every GPT
 * (ALGORITHM.md of the folder-raises vectors, sections 4 and 5). Throws {@link TachiFailure} where Tachi's
 * computation throws.
 */
final class FolderRaisesCalculator {

    /** One active folder as the computation sees it. */
    record Folder(Document document, GptConfig gpt, List<Object> chartIDs) {}

    private final GptConfig sessionGpt;

    private final Map<Object, Map<String, Object>> scoreInfoByScoreID = new HashMap<>();

    /** chartID, then metric → the session's best play: the first, in score order, with the highest index. */
    private final Map<Object, Map<String, Document>> bestPlays = new HashMap<>();

    /**
     * @param sessionScores the session's scores, in the scores query's order (ascending scoreID)
     * @param scoreInfo     their scoreInfo entries
     */
    FolderRaisesCalculator(GptConfig sessionGpt, List<Document> sessionScores, List<Map<String, Object>> scoreInfo) {
        this.sessionGpt = sessionGpt;
        for (Map<String, Object> entry : scoreInfo) {
            scoreInfoByScoreID.putIfAbsent(entry.get("scoreID"), entry);
        }
        for (Document score : sessionScores) {
            Map<String, Object> enumIndexes = enumIndexesOf(score);
            for (ScoreMetric metric : enumMetrics(sessionGpt)) {
                Object index = Js.get(enumIndexes, metric.name());
                if (Js.lessThan(index, metric.minimumRelevantIndex())) {
                    continue;
                }
                Map<String, Document> byMetric = bestPlays.computeIfAbsent(score.get("chartID"), c -> new HashMap<>());
                Document best = byMetric.get(metric.name());
                if (best == null || Js.lessThan(Js.get(enumIndexesOf(best), metric.name()), index)) {
                    byMetric.put(metric.name(), score);
                }
            }
        }
    }

    /**
     * The entries of one folder, in Tachi's order: metrics in the session GPT's order, values in the order
     * they are first reached while walking the folder's charts, charts in lookup order.
     *
     * @param maxima per chartID, the highest stored index of each ENUM metric among the user's scores
     *               before the session ({@code $max}: null when none has it)
     */
    List<FolderRaise> raisesIn(Folder folder, Map<Object, Document> maxima) {
        Map<String, Map<String, Integer>> previous = previousCounts(folder, maxima);
        List<FolderRaise> raises = new ArrayList<>();
        for (ScoreMetric metric : enumMetrics(sessionGpt)) {
            Map<String, Set<Object>> raised = new LinkedHashMap<>();
            for (Object chartID : folder.chartIDs()) {
                Document best = bestPlays.getOrDefault(chartID, Map.of()).get(metric.name());
                if (best != null) {
                    for (String value : raisedValues(best, metric)) {
                        raised.computeIfAbsent(value, v -> new LinkedHashSet<>())
                                .add(chartID);
                    }
                }
            }
            if (raised.isEmpty()) {
                continue;
            }
            Map<String, Integer> counts = previous.get(metric.name());
            if (counts == null) {
                throw new TachiFailure("folder " + folder.document().get("folderID") + " of "
                        + folder.gpt().game() + ":" + folder.gpt().playtype() + " has no metric " + metric.name());
            }
            raised.forEach((value, charts) -> raises.add(new FolderRaise(
                    folder.document(),
                    counts.getOrDefault(value, 0),
                    List.copyOf(charts),
                    metric.name(),
                    value,
                    folder.chartIDs().size())));
        }
        return raises;
    }

    /**
     * The values this play raised: from one above the previous best (its index minus its delta), but at
     * least the metric's minimum, up to the play's stored index; from the minimum for a new chart.
     */
    private List<String> raisedValues(Document best, ScoreMetric metric) {
        Object index = Js.get(enumIndexesOf(best), metric.name());
        Object delta = index;
        Map<String, Object> info = scoreInfoByScoreID.get(best.get("scoreID"));
        if (info != null
                && Boolean.FALSE.equals(info.get("isNewScore"))
                && info.get("deltas") instanceof Map<?, ?> deltas
                && deltas.containsKey(metric.name())) {
            // scoreInfo writes NaN as null
            delta = Objects.requireNonNullElse(deltas.get(metric.name()), Double.NaN);
        }
        double original = Js.toNumber(index) - Js.toNumber(delta) + 1;
        return Js.slice(metric.values(), Math.max(metric.minimumRelevantIndex(), original), Js.plusOne(index));
    }

    /**
     * Per metric of the folder's GPT and value: on how many of the folder's charts the user had at least
     * that value before the session.
     */
    private static Map<String, Map<String, Integer>> previousCounts(Folder folder, Map<Object, Document> maxima) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (ScoreMetric metric : enumMetrics(folder.gpt())) {
            Map<String, Integer> cumulative = new HashMap<>();
            for (Object chartID : new LinkedHashSet<>(folder.chartIDs())) {
                Document chart = maxima.get(chartID);
                Object max = chart == null ? null : chart.get(metric.name());
                if (chart == null || max == null || Js.element(metric.values(), max) == null) {
                    continue;
                }
                for (String value : Js.slice(metric.values(), 0, Js.plusOne(max))) {
                    cumulative.merge(value, 1, Integer::sum);
                }
            }
            counts.put(metric.name(), cumulative);
        }
        return counts;
    }

    /** The GPT's ENUM metrics, provided then derived, in configuration order. */
    static List<ScoreMetric> enumMetrics(GptConfig gpt) {
        return gpt.scoreMetrics().stream()
                .filter(m -> m.type() == ScoreMetric.Type.ENUM)
                .toList();
    }

    @SuppressWarnings("unchecked") // BSON documents only ever have String keys
    private static Map<String, Object> enumIndexesOf(Document score) {
        if (score.get("scoreData") instanceof Map<?, ?> scoreData
                && scoreData.get("enumIndexes") instanceof Map<?, ?> enumIndexes) {
            return (Map<String, Object>) enumIndexes;
        }
        throw new TachiFailure("score " + score.get("scoreID") + " has no scoreData.enumIndexes");
    }
}
