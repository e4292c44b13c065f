package org.tachi.sessions.support;

import static org.tachi.sessions.support.TachiDocuments.apiToken;
import static org.tachi.sessions.support.TachiDocuments.user;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every kind of caller a request may come from, for the tests that send each of them: alice (user 1)
 * owns the sessions, bob (user 2) is another user, user 3 is banned.
 */
public final class Callers {

    private Callers() {}

    /**
     * Inserts the three users, the banned one named {@code bannedUsername}, and a token for each kind
     * of caller: alice's with and without {@code customise_session}, bob's and the banned user's, both
     * with it; {@code identifier} names each token's identifier after the token.
     */
    public static void insert(
            MongoTemplate mongo,
            String bannedUsername,
            UnaryOperator<String> identifier,
            String owner,
            String ownerReadOnly,
            String bob,
            String banned) {
        mongo.getCollection("users")
                .insertMany(List.of(user(1, "alice", 1), user(2, "bob", 1), user(3, bannedUsername, 0)));
        mongo.getCollection("api-tokens")
                .insertMany(List.of(
                        apiToken(owner, identifier.apply(owner), 1, true),
                        apiToken(ownerReadOnly, identifier.apply(ownerReadOnly), 1, false),
                        apiToken(bob, identifier.apply(bob), 2, true),
                        apiToken(banned, identifier.apply(banned), 3, true)));
    }
}
