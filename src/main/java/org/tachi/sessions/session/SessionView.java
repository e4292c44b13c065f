package org.tachi.sessions.session;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code GET /api/v1/sessions/:sessionID}, in Tachi's key order. Documents are the
 * stored ones, untouched but for {@code _id}; {@code user} is {@code null} when the owner has no
 * user document, as in Tachi. {@code scoreInfo} has one entry per score, in the same order.
 */
record SessionView(
        Document session,
        List<Document> songs,
        List<Document> charts,
        List<Document> scores,
        @Nullable Document user,
        List<Map<String, Object>> scoreInfo) {}
