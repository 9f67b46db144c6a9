package io.alter8.command.auth;

import io.alter8.web.security.AccountStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * The command side knows at once: the credential row holds the account's roles and whether it is active, the session
 * row whether the session is open. Both are read in one query, a round trip per request rather than two, since
 * every request asks. A session of someone else is not live.
 */
@Component
class CredentialAccountStatus implements AccountStatus {

    // One row always: the credential's columns are null for an unknown user, the session's for an unknown session.
    private static final String STANDING = """
            SELECT c.active, c.roles, s.*
            FROM (VALUES (1)) AS one (x)
            LEFT JOIN credential c ON c.user_id = ?
            LEFT JOIN user_session s ON s.id = ?""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CredentialAccountStatus(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Standing standing(UUID userId, UUID sessionId) {
        return jdbc.queryForObject(STANDING, (rs, i) -> {
            Sessions.Session session = rs.getObject("id") == null ? null : Sessions.session(rs);
            Boolean live = sessionId == null ? null
                    : session != null && session.userId().equals(userId) && session.activeAt(clock.instant());
            String roles = rs.getString("roles");
            return roles == null ? new Standing(null, null, live)
                    : new Standing(rs.getBoolean("active"), Set.copyOf(Credentials.roles(roles)), live);
        }, userId, sessionId);
    }
}
