package org.tachi.sessions.session;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.tachi.sessions.auth.ApiTokenPrincipal;
import org.tachi.sessions.catalog.CatalogRepository;
import org.tachi.sessions.envelope.ApiException;
import org.tachi.sessions.mongo.RawDocuments;
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

    /** The fields of a score that say which GPT its scoreInfo entry uses. */
    private static final Set<String> GPT_FIELDS = Set.of("game", "playtype");

    private final SessionRepository sessions;

    private final ScoreRepository scores;

    private final CatalogRepository catalog;

    private final UserRepository users;

    private final ScoreInfoCalculator scoreInfoCalculator;

    private final Executor lookups;

    private final Validator validator;

    private final HeavyGetLimit heavyGets;

    private final RawDocuments raw;

    SessionService(
            SessionRepository sessions,
            ScoreRepository scores,
            CatalogRepository catalog,
            UserRepository users,
            ScoreInfoCalculator scoreInfo,
            @Qualifier("applicationTaskExecutor") Executor lookups,
            Validator validator,
            HeavyGetLimit heavyGets,
            RawDocuments raw) {
        this.sessions = sessions;
        this.scores = scores;
        this.catalog = catalog;
        this.users = users;
        this.scoreInfoCalculator = scoreInfo;
        this.lookups = lookups;
        this.validator = validator;
        this.heavyGets = heavyGets;
        this.raw = raw;
    }

    /**
     * The session with its scores, their songs and charts, its owner, and each score's comparison
     * with the owner's previous personal best. Each collection is read with one query (the scoreInfo
     * of the whole session with one more), whatever the session's size; the owner's earlier scores,
     * the one query that grows with the user's history, run beside the songs and charts. Songs,
     * charts and scores stay the database's raw bytes until they are written.
     */
    SessionPage get(String sessionID) {
        Document session = requireExisting(sessionID);
        Object game = session.get("game");
        List<Object> scoreIDs = distinct(session.get("scoreIDs"));
        heavyGets.admit(scoreIDs.size());
        List<RawBsonDocument> sessionScores = scores.findRawByScoreIDs(scoreIDs);
        List<Object> chartIDs = distinctValues(sessionScores, "chartID");
        Set<Document> scoreGpts = sessionScores.stream()
                .map(score -> raw.fields(score, GPT_FIELDS))
                .collect(Collectors.toSet());
        List<String> earlierFields = scoreInfoCalculator.earlierScoreFields(session, scoreGpts);
        CompletableFuture<List<Document>> earlierScores = CompletableFuture.supplyAsync(
                () -> scores.findEarlierScores(session, chartIDs, earlierFields), lookups);
        Document user = users.findPublicUser(session.get("userID")).orElse(null);
        List<RawBsonDocument> songs = catalog.findRawSongs(game, distinctValues(sessionScores, "songID"));
        List<RawBsonDocument> charts = catalog.findRawCharts(game, chartIDs);
        // join() wraps a lookup's failure in a CompletionException; the error mapping unwraps it.
        Function<Document, Map<String, Object>> scoreInfo = scoreInfoCalculator.entries(session, earlierScores.join());
        return new SessionPage(
                session,
                songs,
                charts,
                sessionScores,
                user,
                score -> scoreInfo.apply(raw.fields(score, ScoreInfoCalculator.SCORE_FIELDS)),
                raw.codec());
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
        Document fields = SessionChanges.validated(body, validator).fields();
        if (fields.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "This request modifies nothing about this session.");
        }
        return sessions.setFields(sessionID, fields).orElseThrow(SessionService::notFound);
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

    /** The distinct values of a field, as BSON values (queries take them as they are). */
    private static List<Object> distinctValues(List<RawBsonDocument> documents, String key) {
        LinkedHashSet<Object> values = new LinkedHashSet<>();
        for (RawBsonDocument document : documents) {
            BsonValue value = document.get(key);
            if (value != null && !value.isNull()) {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }
}
