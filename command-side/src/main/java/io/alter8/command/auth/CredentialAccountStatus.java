package io.alter8.command.auth;

import io.alter8.web.security.AccountStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The command side knows at once: the credential row holds the account's roles and whether it is active, the session
 * row whether the session is open (two primary-key lookups per request). A session of someone else is not live.
 */
@Component
class CredentialAccountStatus implements AccountStatus {

    private final Credentials credentials;
    private final Sessions sessions;
    private final Clock clock;

    CredentialAccountStatus(Credentials credentials, Sessions sessions, Clock clock) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Standing standing(UUID userId, UUID sessionId) {
        Boolean live = sessionId == null ? null : sessions.find(sessionId)
                                                          .filter(s -> s.userId().equals(userId))
                                                          .map(s -> s.activeAt(clock.instant()))
                                                          .orElse(false);
        return credentials.findById(userId)
                          .map(c -> new Standing(c.active(), Set.copyOf(c.roles()), live))
                          .orElse(new Standing(null, null, live));
    }
}
