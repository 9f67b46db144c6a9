package io.alter8.web.security;

import java.util.Set;
import java.util.UUID;

/**
 * What a service knows now of a token's account and session. Access tokens live 15 minutes; without this a logged-out,
 * revoked, demoted or deactivated user would keep acting until theirs expires. Each service answers from what it has
 * at hand (the command side its credential and session rows, the query side Redis); {@link LiveTokens} compares the
 * answer with the token.
 */
public interface AccountStatus {

    /**
     * Where the command side marks a revoked session for the query side, for as long as an access token of it may
     * live ({@code session:revoked:{sessionId}}).
     */
    static String revokedSessionKey(UUID sessionId) {
        return "session:revoked:" + sessionId;
    }

    /**
     * @param sessionId the token's login session, or null for a service token (which has none)
     */
    Standing standing(UUID userId, UUID sessionId);

    /**
     * What is known; null where this service cannot tell (an account it has not seen, a store that is down).
     *
     * @param active      whether the account may act
     * @param roles       the account's roles now
     * @param sessionLive whether the session is open, belongs to the user and has not expired
     */
    record Standing(Boolean active, Set<String> roles, Boolean sessionLive) {

        public static final Standing UNKNOWN = new Standing(null, null, null);
    }
}
