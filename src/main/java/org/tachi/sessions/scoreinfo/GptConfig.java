package org.tachi.sessions.scoreinfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the scoreInfo algorithm needs to know about one game + playtype (GPT), as extracted from Tachi
 * into gpt-metrics.json.
 *
 * @param defaultMetric    the metric the base of the previous PB is chosen by (highest wins)
 * @param scoreMetrics     the metrics that get a delta, in delta-key order
 * @param enumIndexMetrics the ENUM metrics whose index is recomputed on a PB, each also in {@code scoreMetrics}
 * @param pbMerges         the PB merge functions, in the order they are applied
 */
public record GptConfig(
        String game,
        String playtype,
        String defaultMetric,
        List<ScoreMetric> scoreMetrics,
        List<String> enumIndexMetrics,
        List<PbMerge> pbMerges) {

    public GptConfig {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(playtype, "playtype");
        Objects.requireNonNull(defaultMetric, "defaultMetric");
        scoreMetrics = List.copyOf(scoreMetrics);
        enumIndexMetrics = List.copyOf(enumIndexMetrics);
        pbMerges = pbMerges == null ? List.of() : List.copyOf(pbMerges);
        // Fail at start-up rather than while answering: every re-indexed metric needs its enum values.
        for (String metric : enumIndexMetrics) {
            boolean isEnumScoreMetric =
                    scoreMetrics.stream().anyMatch(m -> m.name().equals(metric) && m.type() == ScoreMetric.Type.ENUM);
            if (!isEnumScoreMetric) {
                throw new IllegalArgumentException(
                        game + ":" + playtype + " re-indexes " + metric + ", which is not an ENUM score metric");
            }
        }
    }

    /**
     * The fields of a score that a previous best of this GPT and its deltas read: its default metric,
     * every score metric (an ENUM's string too, which the PB re-indexes), and each merge's select field
     * and the scoreData fields it copies, as dotted paths. Not a merge's {@code copiesOptional}: the PB
     * carries them, but no delta reads them.
     */
    public Set<String> fieldsRead() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("scoreData." + defaultMetric);
        scoreMetrics.forEach(metric -> paths.add("scoreData." + metric.name()));
        for (PbMerge merge : pbMerges) {
            paths.add(String.join(".", merge.selectField().segments()));
            merge.copiesScoreData().forEach(field -> paths.add("scoreData." + field));
        }
        return paths;
    }

    /** The strings of an ENUM metric listed in {@code enumIndexMetrics}, in index order. */
    public List<String> enumValues(String enumIndexMetric) {
        return scoreMetrics.stream()
                .filter(m -> m.name().equals(enumIndexMetric))
                .findFirst()
                .orElseThrow()
                .values();
    }
}
