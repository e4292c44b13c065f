package org.tachi.sessions.folders;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.tachi.sessions.catalog.CatalogRepository;
import org.tachi.sessions.envelope.ApiErrors;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.score.ScoreRepository;
import org.tachi.sessions.scoreinfo.GptCatalog;
import org.tachi.sessions.scoreinfo.GptConfig;
import org.tachi.sessions.scoreinfo.ScoreInfo;
import org.tachi.sessions.scoreinfo.ScoreInfoCalculator;
import org.tachi.sessions.session.SessionService;

/**
 * What a session raised in each active folder holding one of its charts, exactly as Tachi answers it. Tachi
 * runs its queries per score and per folder; this sends the same eight commands whatever the session's size
 * and the number of folders: the session, its scores, their charts (only to fail where Tachi fails), the
 * owner's earlier scores (scoreInfo, computed once), the lookup twice (the session's folders, then their
 * charts), the active folders, and one aggregation of the owner's best stored indexes on those charts.
 *
 * <p>A record because it holds nothing but its collaborators, which Spring passes to the canonical constructor.
 */
@Service
record FolderRaisesService(
        SessionService sessions,
        ScoreRepository scores,
        CatalogRepository catalog,
        FolderRepository folders,
        GptCatalog gpts,
        ScoreInfoCalculator scoreInfoCalculator,
        @Qualifier("applicationTaskExecutor") Executor lookups) {

    private static final Logger log = LoggerFactory.getLogger(FolderRaisesService.class);

    /** Tachi's answer: 404 for an unknown session, 500 where Tachi's computation throws (logged as a warning). */
    List<FolderRaise> of(String sessionID) {
        Document session = sessions.requireExisting(sessionID);
        try {
            return raisesOf(session);
        } catch (TachiFailure failure) {
            log.warn("Folder raises of session {} fail as in Tachi: {}", sessionID, failure.getMessage());
            throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, ApiErrors.INTERNAL_ERROR);
        }
    }

    private List<FolderRaise> raisesOf(Document session) {
        GptConfig sessionGpt = gptOf(session).orElseThrow(() -> new TachiFailure("unknown game/playtype"));
        List<Document> sessionScores =
                scores.findByScoreIDs(session.get("scoreIDs") instanceof List<?> ids ? ids : List.of());
        List<Object> chartIDs = distinctValues(sessionScores, "chartID");
        CompletableFuture<ScoreInfo> scoreInfo = async(() -> scoreInfoCalculator.evaluate(
                session,
                sessionScores,
                scores.findEarlierScores(session, chartIDs, ScoreInfoCalculator.EARLIER_SCORE_FIELDS_FOR_EVALUATE)));
        CompletableFuture<Void> chartsExist = async(() -> requireCharts(sessionScores));

        List<Document> activeFolders = folders.findActive(folders.findFolderIDsHolding(chartIDs));
        Map<Object, List<Object>> chartsByFolder = folders.findChartIDsOf(distinctValues(activeFolders, "folderID"));
        List<FolderRaisesCalculator.Folder> walked = new ArrayList<>();
        Set<String> folderMetrics = new LinkedHashSet<>();
        for (Document folder : activeFolders) {
            GptConfig folderGpt = gptOf(folder)
                    .orElseThrow(
                            () -> new TachiFailure("folder " + folder.get("folderID") + ": unknown game/playtype"));
            FolderRaisesCalculator.enumMetrics(folderGpt).forEach(metric -> folderMetrics.add(metric.name()));
            walked.add(new FolderRaisesCalculator.Folder(
                    folder, folderGpt, chartsByFolder.getOrDefault(folder.get("folderID"), List.of())));
        }
        Map<Object, Document> maxima = new HashMap<>();
        for (Document chart : scores.findEnumIndexMaxima(
                session.get("userID"),
                walked.stream()
                        .flatMap(folder -> folder.chartIDs().stream())
                        .distinct()
                        .toList(),
                session.get("timeStarted"),
                folderMetrics)) {
            maxima.put(chart.get("_id"), chart);
        }

        join(chartsExist);
        ScoreInfo info = join(scoreInfo);
        if (!info.tachiFailures().isEmpty()) {
            throw new TachiFailure("scoreInfo: " + info.tachiFailures().get(0));
        }
        FolderRaisesCalculator calculator = new FolderRaisesCalculator(sessionGpt, sessionScores, info.entries());
        List<FolderRaise> raises = new ArrayList<>();
        for (FolderRaisesCalculator.Folder folder : walked) {
            raises.addAll(calculator.raisesIn(folder, maxima));
        }
        return raises;
    }

    /** Tachi's scoreInfo reads each score's chart from {@code charts-<score.game>} and throws without it. */
    private Void requireCharts(List<Document> sessionScores) {
        Map<Object, List<Object>> chartIDsByGame = new LinkedHashMap<>();
        for (Document score : sessionScores) {
            chartIDsByGame
                    .computeIfAbsent(score.get("game"), g -> new ArrayList<>())
                    .add(score.get("chartID"));
        }
        chartIDsByGame.forEach((game, chartIDs) -> {
            Set<Object> existing = catalog.findExistingChartIDs(game, chartIDs);
            for (Object chartID : chartIDs) {
                if (!existing.contains(chartID)) {
                    throw new TachiFailure("chart " + chartID + " is not in charts-" + game);
                }
            }
        });
        return null;
    }

    private Optional<GptConfig> gptOf(Document document) {
        return gpts.find(
                Objects.toString(document.get("game"), null), Objects.toString(document.get("playtype"), null));
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, lookups);
    }

    /** A lookup's own failure, not the CompletionException around it. */
    private static <T> T join(CompletableFuture<T> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException wrapped) {
            throw wrapped.getCause() instanceof RuntimeException cause ? cause : wrapped;
        }
    }

    private static List<Object> distinctValues(List<Document> documents, String key) {
        return documents.stream()
                .map(document -> document.get(key))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
