package org.tachi.sessions.scoreinfo;

import static org.tachi.sessions.scoreinfo.Documents.embedded;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * A user's previous personal best on one chart, composed from their earlier scores on it as Tachi's
 * {@code CreatePBDoc} composes it (docs/scoreinfo.md, "The previous best"). Only the parts that deltas read are
 * kept.
 *
 * @param scoreData        the PB's own copy of the composed scoreData; its {@code enumIndexes} are the
 *                         recomputed ones
 * @param unindexableEnums ENUM metrics whose PB string is missing or not among the metric's values; Tachi
 *                         throws (HTTP 500) on these, we leave just their delta out
 * @param optionalMissing  the PB has no {@code scoreData.optional} object, or a merge copied optional fields
 *                         out of a score without one: Tachi throws (HTTP 500), we only skip those fields
 */
record PreviousPb(Map<String, Object> scoreData, Set<String> unindexableEnums, boolean optionalMissing) {

    private static final FieldPath TIME_ACHIEVED = FieldPath.of("timeAchieved");

    Map<String, Object> enumIndexes() {
        return embedded(scoreData, "enumIndexes");
    }

    /**
     * @param history the user's earlier scores on the chart, non-empty, in database order (that order
     *                breaks ties of the default metric)
     * @param gpt     the session's GPT, whose default metric, merges and enums shape the PB
     */
    static PreviousPb composeFrom(List<Document> history, GptConfig gpt) {
        FieldPath defaultMetric = FieldPath.of("scoreData", gpt.defaultMetric());
        Document base = firstBy(history, Comparator.comparing(defaultMetric::valueIn, BsonOrder.DESCENDING));
        Map<String, Object> scoreData = copyOfScoreData(base);
        boolean optionalMissing = embedded(scoreData, "optional") == null;
        for (PbMerge merge : gpt.pbMerges()) {
            List<Document> candidates = history.stream()
                    .filter(score -> merge.selectField().valueIn(score) instanceof Number)
                    .toList();
            if (!candidates.isEmpty()) {
                Map<String, Object> selected = embedded(firstBy(candidates, ranking(merge)), "scoreData");
                optionalMissing |= !merge.copiesOptional().isEmpty() && embedded(selected, "optional") == null;
                mergeInto(scoreData, selected, merge);
            }
        }
        return reindexEnums(scoreData, gpt, optionalMissing);
    }

    /** The merge's sort: its metric in its direction, then the older timeAchieved first. */
    private static Comparator<Document> ranking(PbMerge merge) {
        Comparator<Number> ascending = BsonOrder::compareNumbers;
        Comparator<Number> byMetric = merge.direction() == PbMerge.Direction.LARGEST ? ascending.reversed() : ascending;
        return Comparator.<Document, Number>comparing(
                        score -> (Number) merge.selectField().valueIn(score), byMetric)
                .thenComparing(TIME_ACHIEVED::valueIn, BsonOrder.ASCENDING);
    }

    /** What findOne with a sort returns: the first of the smallest, i.e. the head of a stable sort. */
    private static Document firstBy(List<Document> scores, Comparator<Document> order) {
        Document first = scores.get(0);
        for (Document score : scores) {
            if (order.compare(score, first) < 0) {
                first = score;
            }
        }
        return first;
    }

    /**
     * The merges write into scoreData and scoreData.optional, and enumIndexes is replaced: copying those two
     * levels is enough to leave the caller's documents untouched. A base without scoreData (which Tachi
     * could not handle) composes from an empty one.
     */
    private static Map<String, Object> copyOfScoreData(Document base) {
        Map<String, Object> source = embedded(base, "scoreData");
        Document copy = source == null ? new Document() : new Document(source);
        Map<String, Object> optional = embedded(copy, "optional");
        if (optional != null) {
            copy.put("optional", new Document(optional));
        }
        return copy;
    }

    /**
     * Copies the merge's fields from the selected score; a field the selected score lacks is left out of the
     * PB too (Tachi copies undefined). Optional fields only matter where both sides have an optional
     * object; Tachi throws otherwise, and optional fields never reach a delta.
     */
    private static void mergeInto(Map<String, Object> pbScoreData, Map<String, Object> selected, PbMerge merge) {
        copyFields(merge.copiesScoreData(), selected, pbScoreData);
        Map<String, Object> pbOptional = embedded(pbScoreData, "optional");
        if (pbOptional != null) {
            copyFields(merge.copiesOptional(), embedded(selected, "optional"), pbOptional);
        }
    }

    private static void copyFields(List<String> fields, Map<String, Object> source, Map<String, Object> target) {
        for (String field : fields) {
            if (source != null && source.containsKey(field)) {
                target.put(field, source.get(field));
            } else {
                target.remove(field);
            }
        }
    }

    /**
     * Tachi recomputes the PB's enum indexes from its strings into a fresh object, so indexes stored on the
     * chosen scores (possibly stale) never survive.
     */
    private static PreviousPb reindexEnums(Map<String, Object> scoreData, GptConfig gpt, boolean optionalMissing) {
        Document indexes = new Document();
        Set<String> unindexable = new LinkedHashSet<>();
        for (String metric : gpt.enumIndexMetrics()) {
            int index = gpt.enumValues(metric).indexOf(scoreData.get(metric));
            if (index < 0) {
                unindexable.add(metric);
            } else {
                indexes.put(metric, index);
            }
        }
        scoreData.put("enumIndexes", indexes);
        return new PreviousPb(scoreData, Set.copyOf(unindexable), optionalMissing);
    }
}
