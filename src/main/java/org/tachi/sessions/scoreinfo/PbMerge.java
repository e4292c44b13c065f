package org.tachi.sessions.scoreinfo;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One of a GPT's PB merge functions ({@code pbMerges} in gpt-metrics.json): among the earlier scores whose
 * {@code selectField} is a number, the largest (or smallest) one, the older {@code timeAchieved} winning a
 * tie, lends the listed fields to the PB.
 *
 * @param copiesScoreData fields copied into the PB's {@code scoreData}
 * @param copiesOptional  fields copied into the PB's {@code scoreData.optional}
 */
public record PbMerge(
        String name,
        FieldPath selectField,
        Direction direction,
        List<String> copiesScoreData,
        List<String> copiesOptional) {

    public enum Direction {
        @JsonProperty("largest")
        LARGEST,
        @JsonProperty("smallest")
        SMALLEST
    }

    public PbMerge {
        Objects.requireNonNull(selectField, "selectField");
        Objects.requireNonNull(direction, "direction");
        copiesScoreData = copiesScoreData == null ? List.of() : List.copyOf(copiesScoreData);
        copiesOptional = copiesOptional == null ? List.of() : List.copyOf(copiesOptional);
    }
}
