package org.tachi.sessions.support;

import java.util.List;
import org.bson.Document;

/**
 * Users, API tokens, sdvx scores and sessions in the field order Tachi stores them, for the tests
 * that seed the database: the fields every such document carries are written here once, a test
 * passes the values it is about and appends what only it needs.
 */
public final class TachiDocuments {

    private TachiDocuments() {}

    public static Document user(int id, String username, int authLevel) {
        return new Document("id", id).append("username", username).append("authLevel", authLevel);
    }

    /** A token of no API client, with or without {@code customise_session}. */
    public static Document apiToken(String token, String identifier, int userID, boolean customiseSession) {
        return new Document("token", token)
                .append("userID", userID)
                .append("identifier", identifier)
                .append("permissions", new Document("customise_session", customiseSession))
                .append("fromAPIClient", null);
    }

    /** User 1's sdvx Single score on {@code chartID} of song {@code songID}. */
    public static Document sdvxScore(
            String scoreID, int songID, String chartID, long timeAchieved, Document scoreData) {
        return new Document("scoreID", scoreID)
                .append("userID", 1)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("songID", songID)
                .append("chartID", chartID)
                .append("timeAchieved", timeAchieved)
                .append("scoreData", scoreData);
    }

    public static Document scoreData(int score, String lamp, int lampIndex, String grade, int gradeIndex) {
        return new Document("score", score)
                .append("lamp", lamp)
                .append("grade", grade)
                .append("enumIndexes", new Document("lamp", lampIndex).append("grade", gradeIndex));
    }

    /** An sdvx Single session without a description, not highlighted. */
    public static Document sdvxSession(
            String sessionID, int userID, String name, List<String> scoreIDs, long timeStarted) {
        return new Document("sessionID", sessionID)
                .append("userID", userID)
                .append("name", name)
                .append("desc", null)
                .append("game", "sdvx")
                .append("playtype", "Single")
                .append("highlight", false)
                .append("scoreIDs", scoreIDs)
                .append("timeStarted", timeStarted);
    }
}
