package org.tachi.sessions.scoreinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Focused cases of the scoreInfo algorithm that the golden vectors do not pin down on their own. */
class ScoreInfoCalculatorTest {

    private static final ScoreInfoCalculator CALCULATOR = new ScoreInfoCalculator(new GptCatalog());

    private static final Document SDVX = session("sdvx", "Single");
    private static final Document DDR = session("ddr", "SP");
    private static final Document POPN = session("popn", "9B");

    @Test
    void earlierScoresAreReadForTheGptsTheEntriesUse() {
        Document sdvxScore = doc("game", "sdvx", "playtype", "Single");
        Document iidxScore = doc("game", "iidx", "playtype", "SP");
        Document unknown = session("nothing", "Single");

        assertThat(CALCULATOR.earlierScoreFields(SDVX, Set.of(sdvxScore)))
                .containsExactly(
                        "chartID",
                        "timeAchieved",
                        "scoreData.enumIndexes.lamp",
                        "scoreData.grade",
                        "scoreData.lamp",
                        "scoreData.optional.exScore",
                        "scoreData.score");
        // the previous best falls back to the score's GPT, and the deltas always use it
        assertThat(CALCULATOR.earlierScoreFields(unknown, Set.of(iidxScore)))
                .contains("scoreData.percent", "scoreData.optional.bp", "scoreData.enumIndexes.lamp")
                .doesNotContain("scoreData.optional.exScore");
        assertThat(CALCULATOR.earlierScoreFields(SDVX, Set.of(iidxScore)))
                .contains("scoreData.percent", "scoreData.optional.exScore");
        // no GPT known: no deltas, only whether there is any history on the chart
        assertThat(CALCULATOR.earlierScoreFields(unknown, Set.of(doc("game", "nothing", "playtype", "SP"))))
                .containsExactly("chartID", "timeAchieved");
    }

    @Test
    void noGptsFieldsMakeAProjectionMongoDbRefuses() throws Exception {
        Set<Document> everyGpt = new HashSet<>();
        try (InputStream file = GptCatalog.class.getClassLoader().getResourceAsStream(GptCatalog.RESOURCE)) {
            JsonMapper.builder()
                    .build()
                    .readTree(file)
                    .get("gpts")
                    .propertyNames()
                    .forEach(gpt -> {
                        String[] gameAndPlaytype = gpt.split(":");
                        everyGpt.add(doc("game", gameAndPlaytype[0], "playtype", gameAndPlaytype[1]));
                    });
        }
        List<String> fields = CALCULATOR.earlierScoreFields(session("nothing", "Single"), everyGpt);

        assertThat(everyGpt).hasSizeGreaterThan(20);
        assertThat(fields).doesNotHaveDuplicates().contains("scoreData.optional.bp", "scoreData.optional.exScore");
        for (String path : fields) {
            assertThat(fields).as("paths under " + path).noneMatch(other -> other.startsWith(path + "."));
        }
    }

    @Test
    void missingOperandGivesNull() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc("score", 9_000_000, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));
        Document played = score(SDVX, "T-played", 1_000L, doc("lamp", "CLEAR", "enumIndexes", doc("lamp", 1)));

        assertThat(deltasOf(SDVX, played, earlier))
                .containsExactly(entry("score", null), entry("lamp", 0.0), entry("grade", null));
    }

    @Test
    void nullOperandCountsAsZero() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc("score", null, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));
        Document played = score(
                SDVX,
                "T-played",
                1_000L,
                doc("score", 9_000_000, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", null, "grade", 4)));

        assertThat(deltasOf(SDVX, played, earlier))
                .containsExactly(entry("score", 9_000_000.0), entry("lamp", -1.0), entry("grade", 0.0));
    }

    @Test
    void booleanOperandCountsAsOneOrZero() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc("score", false, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));
        Document played = score(
                SDVX,
                "T-played",
                1_000L,
                doc("score", true, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));

        assertThat(deltasOf(SDVX, played, earlier)).containsEntry("score", 1.0);
    }

    @Test
    void infiniteDifferenceIsNullAsJsonWritesIt() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc(
                        "score",
                        Double.POSITIVE_INFINITY,
                        "lamp",
                        "CLEAR",
                        "grade",
                        "A+",
                        "enumIndexes",
                        doc("lamp", 1, "grade", 4)));
        Document played = score(
                SDVX,
                "T-played",
                1_000L,
                doc("score", 9_000_000, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));

        assertThat(deltasOf(SDVX, played, earlier)).containsEntry("score", null);
    }

    @Test
    void deltasAreDoublesWhateverTheStoredNumberTypes() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc("score", 9_400_000.5, "lamp", "CLEAR", "grade", "AA", "enumIndexes", doc("lamp", 1, "grade", 5)));
        Document played = score(
                SDVX,
                "T-played",
                1_000L,
                doc(
                        "score",
                        9_500_000L,
                        "lamp",
                        "CLEAR",
                        "grade",
                        "AA+",
                        "enumIndexes",
                        doc("lamp", 1L, "grade", 6.0)));

        assertThat(deltasOf(SDVX, played, earlier))
                .containsExactly(entry("score", 99_999.5), entry("lamp", 0.0), entry("grade", 1.0))
                .allSatisfy((metric, delta) -> assertThat(delta).isInstanceOf(Double.class));
    }

    @Test
    void mergeTieGoesToTheOlderScore() {
        // ddr's "Best Score" merge copies grade along with score. Two earlier 900000s: the newer (listed
        // first, so also the base) cleared with AA (13), the older failed, which ddr grades E (0).
        Document newerCleared = score(
                DDR,
                "T-newer",
                200L,
                doc("score", 900_000, "lamp", "CLEAR", "grade", "AA", "enumIndexes", doc("lamp", 2, "grade", 13)));
        Document olderFailed = score(
                DDR,
                "T-older",
                100L,
                doc("score", 900_000, "lamp", "FAILED", "grade", "E", "enumIndexes", doc("lamp", 0, "grade", 0)));
        Document played = score(
                DDR,
                "T-played",
                1_000L,
                doc("score", 950_000, "lamp", "CLEAR", "grade", "AA+", "enumIndexes", doc("lamp", 2, "grade", 14)));

        assertThat(deltasOf(DDR, played, newerCleared, olderFailed))
                .containsExactly(entry("score", 50_000.0), entry("lamp", 0.0), entry("grade", 14.0));
    }

    @Test
    void defaultMetricTieKeepsTheFirstScoreInDatabaseOrder() {
        // pop'n takes grade from the base only. Two earlier 95000s: the first in database order (also the
        // newer) failed and is capped at A (4), the second cleared with AA (5); "Best Clear" brings in the
        // clear either way.
        Document firstFailed = score(
                POPN,
                "T-first",
                200L,
                doc(
                        "score",
                        95_000,
                        "clearMedal",
                        "failedStar",
                        "lamp",
                        "FAILED",
                        "grade",
                        "A",
                        "enumIndexes",
                        doc("clearMedal", 2, "lamp", 0, "grade", 4)));
        Document secondCleared = score(
                POPN,
                "T-second",
                100L,
                doc(
                        "score",
                        95_000,
                        "clearMedal",
                        "clearStar",
                        "lamp",
                        "CLEAR",
                        "grade",
                        "AA",
                        "enumIndexes",
                        doc("clearMedal", 6, "lamp", 2, "grade", 5)));
        Document played = score(
                POPN,
                "T-played",
                1_000L,
                doc(
                        "score",
                        96_000,
                        "clearMedal",
                        "clearStar",
                        "lamp",
                        "CLEAR",
                        "grade",
                        "AA",
                        "enumIndexes",
                        doc("clearMedal", 6, "lamp", 2, "grade", 5)));

        assertThat(deltasOf(POPN, played, firstFailed, secondCleared))
                .containsExactly(
                        entry("score", 1_000.0), entry("clearMedal", 0.0), entry("lamp", 0.0), entry("grade", 1.0));
    }

    @Test
    void inputsAreNotMutated() {
        IidxFixture inputs = new IidxFixture();
        IidxFixture pristine = new IidxFixture();

        List<Map<String, Object>> scoreInfo =
                CALCULATOR.compute(inputs.session, List.of(inputs.played), List.of(inputs.base, inputs.betterLamp));

        // The PB merged lamp and optional fields into a copy of the base, and re-indexed its grade (stored 3).
        assertThat(scoreInfo.get(0).get("deltas"))
                .isEqualTo(Map.of("score", 10.0, "lamp", 0.0, "percent", 0.5, "grade", 0.0));
        assertThat(inputs.session).isEqualTo(pristine.session);
        assertThat(inputs.played).isEqualTo(pristine.played);
        assertThat(inputs.base).isEqualTo(pristine.base);
        assertThat(inputs.betterLamp).isEqualTo(pristine.betterLamp);
    }

    /** An iidx session score whose PB takes lamp and optional fields from a second earlier score. */
    private static final class IidxFixture {
        final Document session = session("iidx", "SP");
        final Document base = score(
                session,
                "T-base",
                100L,
                doc(
                        "score",
                        1_500,
                        "percent",
                        90.5,
                        "lamp",
                        "CLEAR",
                        "grade",
                        "AAA",
                        "enumIndexes",
                        doc("lamp", 4, "grade", 3),
                        "optional",
                        doc("bp", 20, "gauge", 80.0, "enumIndexes", doc())));
        final Document betterLamp = score(
                session,
                "T-lamp",
                200L,
                doc(
                        "score",
                        1_100,
                        "percent",
                        70.0,
                        "lamp",
                        "HARD CLEAR",
                        "grade",
                        "AA",
                        "enumIndexes",
                        doc("lamp", 5, "grade", 6),
                        "optional",
                        doc("bp", 5, "gauge", 100.0, "gsmEasy", List.of(1.0, 2.0))));
        final Document played = score(
                session,
                "T-played",
                1_000L,
                doc(
                        "score",
                        1_510,
                        "percent",
                        91.0,
                        "lamp",
                        "HARD CLEAR",
                        "grade",
                        "AAA",
                        "enumIndexes",
                        doc("lamp", 5, "grade", 7),
                        "optional",
                        doc()));
    }

    @Test
    void unknownScoreGptUsesTheSessionsMetrics() {
        Document earlier = score(
                SDVX,
                "T-earlier",
                100L,
                doc("score", 9_000_000, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));
        Document played = score(
                        SDVX,
                        "T-played",
                        1_000L,
                        doc(
                                "score",
                                9_100_000,
                                "lamp",
                                "CLEAR",
                                "grade",
                                "A+",
                                "enumIndexes",
                                doc("lamp", 1, "grade", 4)))
                .append("playtype", "NoSuchPlaytype");

        assertThat(deltasOf(SDVX, played, earlier))
                .containsExactly(entry("score", 100_000.0), entry("lamp", 0.0), entry("grade", 0.0));
    }

    @Test
    void noDeltasWhenNeitherGptIsKnown() {
        Document unknown = session("nosuchgame", "Single");
        Document earlier = score(unknown, "T-earlier", 100L, doc("score", 1));
        Document played = score(unknown, "T-played", 1_000L, doc("score", 2));

        assertThat(CALCULATOR.compute(unknown, List.of(played), List.of(earlier)))
                .containsExactly(Map.of("scoreID", "T-played", "isNewScore", false, "deltas", Map.of()));
    }

    @Test
    void onlyHistoryOnTheSameChartCounts() {
        Document otherChart = score(
                        SDVX,
                        "T-other",
                        100L,
                        doc(
                                "score",
                                9_000_000,
                                "lamp",
                                "CLEAR",
                                "grade",
                                "A+",
                                "enumIndexes",
                                doc("lamp", 1, "grade", 4)))
                .append("chartID", "chart-2");
        Document played = score(
                SDVX,
                "T-played",
                1_000L,
                doc("score", 9_100_000, "lamp", "CLEAR", "grade", "A+", "enumIndexes", doc("lamp", 1, "grade", 4)));

        assertThat(CALCULATOR.compute(SDVX, List.of(played), List.of(otherChart)))
                .containsExactly(Map.of("scoreID", "T-played", "isNewScore", true));
    }

    @Test
    void consistentDataIsNothingTachiFailsOn() {
        Document earlier = score(SDVX, "T-earlier", 100L, sdvxScoreData("CLEAR", doc()));
        Document played = score(SDVX, "T-played", 1_000L, sdvxScoreData("CLEAR", doc()));

        assertThat(CALCULATOR.evaluate(SDVX, List.of(played), List.of(earlier)).tachiFailures())
                .isEmpty();
    }

    @Test
    void tellsWhereTachiWouldThrowAndStillComputesEveryEntry() {
        Document unknownLamp = score(SDVX, "T-earlier", 100L, sdvxScoreData("NOT A LAMP", doc()));
        Document noOptional = score(SDVX, "T-earlier", 100L, sdvxScoreData("CLEAR", null));
        Document played = score(SDVX, "T-played", 1_000L, sdvxScoreData("CLEAR", doc()));
        Document playedWithoutIndexes = score(SDVX, "T-played", 1_000L, doc("score", 1, "lamp", "CLEAR"));
        Document otherPlaytype = new Document(played).append("playtype", "Double");

        assertThat(failuresOf(SDVX, played, unknownLamp))
                .singleElement()
                .asString()
                .contains("[lamp]");
        assertThat(failuresOf(SDVX, played, noOptional))
                .singleElement()
                .asString()
                .contains("optional");
        assertThat(failuresOf(
                        SDVX, playedWithoutIndexes, score(SDVX, "T-earlier", 100L, sdvxScoreData("CLEAR", doc()))))
                .singleElement()
                .asString()
                .contains("enumIndexes");
        assertThat(failuresOf(SDVX, otherPlaytype, score(SDVX, "T-earlier", 100L, sdvxScoreData("CLEAR", doc()))))
                .singleElement()
                .asString()
                .contains("game/playtype");
        assertThat(failuresOf(session("sdvx", "Double"), played))
                .singleElement()
                .asString()
                .contains("game/playtype");
        assertThat(CALCULATOR
                        .evaluate(SDVX, List.of(played), List.of(unknownLamp))
                        .entries())
                .isEqualTo(CALCULATOR.compute(SDVX, List.of(played), List.of(unknownLamp)));
    }

    private static Document sdvxScoreData(String lamp, Document optional) {
        Document scoreData =
                doc("score", 9_000_000, "lamp", lamp, "grade", "AA", "enumIndexes", doc("lamp", 1, "grade", 5));
        if (optional != null) {
            scoreData.append("optional", optional);
        }
        return scoreData;
    }

    private static List<String> failuresOf(Document session, Document played, Document... earlier) {
        return CALCULATOR.evaluate(session, List.of(played), List.of(earlier)).tachiFailures();
    }

    private static Map<String, Object> deltasOf(Document session, Document played, Document... earlier) {
        List<Map<String, Object>> scoreInfo = CALCULATOR.compute(session, List.of(played), List.of(earlier));
        assertThat(scoreInfo).singleElement().satisfies(e -> assertThat(e).containsEntry("isNewScore", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> deltas = (Map<String, Object>) scoreInfo.get(0).get("deltas");
        return deltas;
    }

    private static Document session(String game, String playtype) {
        return doc("userID", 1, "game", game, "playtype", playtype, "timeStarted", 1_000L);
    }

    /** A score of the session's user and GPT on chart-1. */
    private static Document score(Document session, String scoreID, long timeAchieved, Document scoreData) {
        return doc(
                "scoreID",
                scoreID,
                "userID",
                session.get("userID"),
                "game",
                session.get("game"),
                "playtype",
                session.get("playtype"),
                "chartID",
                "chart-1",
                "timeAchieved",
                timeAchieved,
                "scoreData",
                scoreData);
    }

    private static Document doc(Object... namesAndValues) {
        Document document = new Document();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            document.append((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return document;
    }
}
