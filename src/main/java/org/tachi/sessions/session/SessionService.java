package org.tachi.sessions.session;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.tachi.sessions.auth.ApiTokenPrincipal;
import org.tachi.sessions.catalog.CatalogRepository;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.score.ScoreRepository;
import org.tachi.sessions.scoreinfo.ScoreInfoCalculator;
import org.tachi.sessions.user.UserRepository;
import tools.jackson.databind.JsonNode;

/**
 * The two use cases of a session: reading it joined with everything a session page shows, and
 * its owner changing its name, description or highlight.
 */
@Service
public class SessionService {

    static final String NOT_FOUND = "This session does not exist.";

    private final SessionRepository sessions;

    private final ScoreRepository scores;

    private final CatalogRepository catalog;

    private final UserRepository users;

    private final ScoreInfoCalculator scoreInfoCalculator;

    private final Executor lookups;

    private final Validator validator;

    SessionService(
            SessionRepository sessions,
            ScoreRepository scores,
            CatalogRepository catalog,
            UserRepository users,
            ScoreInfoCalculator scoreInfo,
            @Qualifier("applicationTaskExecutor") Executor lookups,
            Validator validator) {
        this.sessions = sessions;
        this.scores = scores;
        this.catalog = catalog;
        this.users = users;
        this.scoreInfoCalculator = scoreInfo;
        this.lookups = lookups;
        this.validator = validator;
    }

    /**
     * The session with its scores, their songs and charts, its owner, and each score's comparison
     * with the owner's previous personal best. Each collection is read with one query (the scoreInfo
     * of the whole session with one more), whatever the session's size; the lookups that do not
     * depend on each other run concurrently.
     */
    SessionView get(String sessionID) {
        Document session = sessions.findBySessionID(sessionID).orElseThrow(SessionService::notFound);
        Object game = session.get("game");
        CompletableFuture<@Nullable Document> user =
                async(() -> users.findPublicUser(session.get("userID")).orElse(null));
        List<Document> sessionScores = scores.findByScoreIDs(distinct(session.get("scoreIDs")));
        CompletableFuture<List<Document>> songs =
                async(() -> catalog.findSongs(game, distinctValues(sessionScores, "songID")));
        List<Object> chartIDs = distinctValues(sessionScores, "chartID");
        CompletableFuture<List<Document>> charts = async(() -> catalog.findCharts(game, chartIDs));
        CompletableFuture<List<Map<String, Object>>> scoreInfo = async(() -> scoreInfoCalculator.compute(
                session,
                sessionScores,
                scores.findEarlierScores(
                        session.get("userID"),
                        chartIDs,
                        session.containsKey("timeStarted"),
                        session.get("timeStarted"))));
        // join() wraps a lookup's failure in a CompletionException; the error mapping unwraps it.
        return new SessionView(session, songs.join(), charts.join(), sessionScores, user.join(), scoreInfo.join());
    }

    /**
     * The session every route under {@code /api/v1/sessions/:sessionID} starts from, as Tachi's router
     * looks it up before any of its routes: a 404 when there is none.
     */
    public Document requireExisting(String sessionID) {
        return sessions.findBySessionID(sessionID).orElseThrow(SessionService::notFound);
    }

    /**
     * Tachi's check chain, in Tachi's order: the session exists, the caller is authenticated, owns
     * it and holds {@code customise_session}; then the body is valid and changes something. The
     * change itself is one atomic update that returns the session as it is afterwards.
     */
    Document update(String sessionID, @Nullable ApiTokenPrincipal caller, @Nullable JsonNode body) {
        Document session = requireExisting(sessionID);
        if (caller == null) {
            throw ApiException.unauthenticated("You are not authorised to perform this action.");
        }
        if (!sameUser(session.get("userID"), caller.userID())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "You are not authorised to modify this session.");
        }
        if (!caller.has(ApiTokenPrincipal.CUSTOMISE_SESSION)) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "You are missing the following permissions necessary for this request: "
                            + ApiTokenPrincipal.CUSTOMISE_SESSION);
        }
        SessionChanges changes = SessionChanges.validated(body, validator);
        if (changes.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "This request modifies nothing about this session.");
        }
        return sessions.setFields(sessionID, changes.fields()).orElseThrow(SessionService::notFound);
    }

    private <T> CompletableFuture<T> async(Supplier<T> lookup) {
        return CompletableFuture.supplyAsync(lookup, lookups);
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    /** User IDs are numbers, stored as int32, int64 or double depending on who wrote them. */
    private static boolean sameUser(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && Objects.equals(a, b);
    }

    private static List<Object> distinct(@Nullable Object values) {
        return values instanceof Collection<?> collection
                ? new ArrayList<>(new LinkedHashSet<>(collection))
                : List.of();
    }

    private static List<Object> distinctValues(List<Document> documents, String key) {
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (Document document : documents) {
            if (document.get(key) != null) {
                values.add(document.get(key));
            }
        }
        return new ArrayList<>(values);
    }
}
