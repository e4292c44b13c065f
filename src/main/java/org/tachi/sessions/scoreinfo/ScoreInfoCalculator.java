package org.tachi.sessions.scoreinfo;

import static org.tachi.sessions.scoreinfo.Documents.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@code scoreInfo} array of {@code GET /api/v1/sessions/:sessionID}: for each session score, whether
 * it is the user's first score on its chart before the session started, and otherwise its deltas against
 * the previous personal best as of {@code session.timeStarted}. Pure: everything comes from the arguments
 * and the {@link GptCatalog}; one data-driven algorithm serves every GPT (docs/scoreinfo.md).
 *
 * <p>Which GPT is used where, as in Tachi: the previous PB (default metric, merges, enum re-indexing) is
 * built with the session's GPT, the delta keys come from the score's GPT. Either falls back to the other
 * when its game/playtype is unknown; when neither is known no delta can be computed and {@code deltas} is
 * empty.
 *
 * <p>Beyond Tachi. Where Tachi throws and answers HTTP 500 for the whole session, this answers normally
 * and leaves out only what cannot be computed:
 * <ul>
 *   <li>a PB enum string missing or not among the metric's values (Tachi cannot re-index it): only that
 *       metric's delta key is left out;</li>
 *   <li>a PB without a {@code scoreData.optional} object, or a merge source without one: optional fields
 *       are simply not copied (they never reach a delta);</li>
 *   <li>a session score whose chart document is missing: irrelevant here, the chart is never needed;</li>
 *   <li>a session score without {@code scoreData} or {@code enumIndexes}: its deltas are null (NaN).</li>
 * </ul>
 * Everything else follows JavaScript: a missing or non-numeric operand gives null (NaN), a null operand
 * counts as 0, a boolean as 0 or 1; infinities become null as JSON.stringify writes them.
 */
@Component
public class ScoreInfoCalculator {

    private final GptCatalog catalog;

    public ScoreInfoCalculator(GptCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param session       the session document (org.bson.Document) as stored
     * @param sessionScores the session's score documents, already in the order they are returned (ascending
     *                      scoreID)
     * @param earlierScores the result of ONE query: scores with userID == session.userID, chartID $in the
     *                      session scores' chartIDs, and timeAchieved {$lt: session.timeStarted} (clause
     *                      omitted when the session has no timeStarted field), in the database's natural
     *                      order (insertion order)
     * @return one entry per session score, same order: LinkedHashMap {"scoreID", "isNewScore": true} or
     *         {"scoreID", "isNewScore": false, "deltas": LinkedHashMap<String, Object>} (delta values are
     *         Double, or null for NaN)
     */
    public List<Map<String, Object>> compute(
            Document session, List<Document> sessionScores, List<Document> earlierScores) {
        return evaluate(session, sessionScores, earlierScores).entries();
    }

    /**
     * The same computation as {@link #compute}, also telling where Tachi's would throw (its whole route then
     * answers HTTP 500): an unknown session or score game/playtype, a session score without
     * {@code scoreData.enumIndexes}, a previous PB whose enum string is not among the metric's values or
     * that lacks {@code scoreData.optional}. A missing chart document is for the caller to check: it takes
     * a query.
     */
    public ScoreInfo evaluate(Document session, List<Document> sessionScores, List<Document> earlierScores) {
        List<String> tachiFailures = new ArrayList<>();
        Function<Document, Map<String, Object>> entryOf = entries(session, earlierScores, tachiFailures);
        return new ScoreInfo(sessionScores.stream().map(entryOf).toList(), tachiFailures);
    }

    /**
     * {@link #compute} one score at a time, for a caller that streams the session's scores rather
     * than holding them: the function gives a score's entry, as {@code compute} would in its list.
     * A score needs only its {@code scoreID}, {@code chartID}, {@code game}, {@code playtype} and
     * {@code scoreData} ({@link #SCORE_FIELDS}). The GET answers whatever Tachi's would throw on, so
     * this form does not collect {@link ScoreInfo#tachiFailures()}.
     */
    public Function<Document, Map<String, Object>> entries(Document session, List<Document> earlierScores) {
        return entries(session, earlierScores, new ArrayList<>());
    }

    /** The fields of a session score that its entry is computed from. */
    public static final Set<String> SCORE_FIELDS = Set.of("scoreID", "chartID", "game", "playtype", "scoreData");

    /**
     * The fields of the earlier scores that {@link #evaluate} reads: besides the metrics, whether the
     * previous best has {@code scoreData.optional} decides a Tachi failure.
     */
    public static final List<String> EARLIER_SCORE_FIELDS_FOR_EVALUATE =
            List.of("chartID", "timeAchieved", "scoreData");

    /**
     * The fields of the earlier scores that {@link #entries} reads, for a session whose scores have
     * these game/playtype pairs (documents of those two fields): the chart and time, and what the previous
     * bests and deltas of each pair read ({@link GptConfig#fieldsRead()}) under the GPTs
     * {@link #entries} picks. Far less than the whole {@code scoreData} where scores carry judgements and
     * gauge histories, which no entry reads. (MongoDB refuses a projection with a path beside one of its
     * prefixes; ScoreInfoCalculatorTest checks that no GPTs' fields together make one.)
     */
    public List<String> earlierScoreFields(Document session, Set<Document> scoreGpts) {
        Optional<GptConfig> sessionGpt = gptOf(session);
        Set<String> paths = new TreeSet<>();
        for (Document score : scoreGpts) {
            Optional<GptConfig> scoreGpt = gptOf(score);
            sessionGpt.or(() -> scoreGpt).ifPresent(pbGpt -> paths.addAll(pbGpt.fieldsRead()));
            scoreGpt.ifPresent(metricsGpt -> paths.addAll(metricsGpt.fieldsRead()));
        }
        List<String> fields = new ArrayList<>(List.of("chartID", "timeAchieved"));
        fields.addAll(paths);
        return fields;
    }

    private Function<Document, Map<String, Object>> entries(
            Document session, List<Document> earlierScores, List<String> tachiFailures) {
        Map<Object, List<Document>> historyByChart = groupByChart(earlierScores);
        Optional<GptConfig> sessionGpt = gptOf(session);
        return score -> {
            List<Document> history = historyByChart.getOrDefault(score.get("chartID"), List.of());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("scoreID", score.get("scoreID"));
            entry.put("isNewScore", history.isEmpty());
            if (sessionGpt.isEmpty()) {
                tachiFailures.add(score.get("scoreID") + ": unknown game/playtype of the session");
            }
            if (!history.isEmpty()) {
                entry.put("deltas", deltasFor(score, history, sessionGpt, tachiFailures));
            }
            return entry;
        };
    }

    private Map<String, Object> deltasFor(
            Document score, List<Document> history, Optional<GptConfig> sessionGpt, List<String> tachiFailures) {
        Optional<GptConfig> scoreGpt = gptOf(score);
        Optional<GptConfig> pbGpt = sessionGpt.or(() -> scoreGpt);
        Object scoreID = score.get("scoreID");
        if (scoreGpt.isEmpty()) {
            tachiFailures.add(scoreID + ": unknown game/playtype of the score");
        }
        if (embedded(embedded(score, "scoreData"), "enumIndexes") == null) {
            tachiFailures.add(scoreID + ": no scoreData.enumIndexes");
        }
        if (pbGpt.isEmpty()) {
            return new LinkedHashMap<>();
        }
        GptConfig metricsGpt = scoreGpt.orElse(pbGpt.get());
        PreviousPb pb = PreviousPb.composeFrom(history, pbGpt.get());
        if (!pb.unindexableEnums().isEmpty()) {
            tachiFailures.add(scoreID + ": previous best's " + pb.unindexableEnums() + " not among the values");
        }
        if (pb.optionalMissing()) {
            tachiFailures.add(scoreID + ": previous best without scoreData.optional");
        }
        return ScoreDeltas.between(score, pb, metricsGpt.scoreMetrics());
    }

    private Optional<GptConfig> gptOf(Document document) {
        return catalog.find(
                Objects.toString(document.get("game"), null), Objects.toString(document.get("playtype"), null));
    }

    /** Earlier scores per chartID, each list keeping the database order (it breaks default-metric ties). */
    private static Map<Object, List<Document>> groupByChart(List<Document> earlierScores) {
        Map<Object, List<Document>> byChart = new HashMap<>();
        for (Document score : earlierScores) {
            byChart.computeIfAbsent(score.get("chartID"), chart -> new ArrayList<>())
                    .add(score);
        }
        return byChart;
    }
}
