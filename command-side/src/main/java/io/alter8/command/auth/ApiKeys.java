package io.alter8.command.auth;

import io.alter8.api.common.UserId;
import io.alter8.api.subscription.Features;
import io.alter8.command.PlanLimitReached;
import io.alter8.command.subscription.FeatureAllowances;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.alter8.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Integration API keys (feature {@code api_access}). A key is a long-lived credential that only buys ordinary
 * short-lived access tokens, each in a session of its own that ends when the key is revoked, the account deactivated
 * or the plan stops enabling api_access (checked at every exchange). Only the SHA-256 of the secret is stored; the
 * secret is answered once, at creation.
 */
@Service
class ApiKeys {

    /** Tells an Alter8 key apart in a secret scanner or a log line someone pasted by mistake. */
    static final String PREFIX = "a8k_";

    record Created(UUID id, String name, Instant createdAt, String secret) {
    }

    record KeyView(UUID id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final Credentials credentials;
    private final FeatureAllowances allowances;
    private final AuthSettings settings;
    private final RateLimiter limiter;
    private final Clock clock;

    ApiKeys(JdbcTemplate jdbc, Sessions sessions, AccessTokens accessTokens, Credentials credentials,
            FeatureAllowances allowances, AuthSettings settings, RateLimiter limiter, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.credentials = credentials;
        this.allowances = allowances;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Transactional
    public Created create(UUID userId, String name) {
        requireApiAccess(userId);
        UUID id = UUID.randomUUID();
        String secret = PREFIX + Sessions.randomSecret();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO api_key (id, user_id, name, key_hash, created_at) VALUES (?, ?, ?, ?, ?)", id,
                    userId, name, Sessions.hash(secret), Timestamp.from(now));
        return new Created(id, name, now, secret);
    }

    @Transactional(readOnly = true)
    public List<KeyView> of(UUID userId) {
        return jdbc.query("SELECT id, name, created_at, last_used_at, revoked_at FROM api_key WHERE user_id = ? "
                                  + "ORDER BY created_at DESC",
                          (rs, i) -> new KeyView(rs.getObject(1, UUID.class), rs.getString(2),
                                                 instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                                                 instant(rs.getTimestamp(5))), userId);
    }

    /** Revokes one of the caller's own keys and ends its sessions; someone else's is "not found". */
    @Transactional
    public void revoke(UUID userId, UUID keyId) {
        List<UUID> mine = jdbc.queryForList("SELECT id FROM api_key WHERE id = ? AND user_id = ? FOR UPDATE",
                                            UUID.class, keyId, userId);
        if (mine.isEmpty()) {
            throw ApiException.notFound("api key", keyId);
        }
        jdbc.update("UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL", keyId);
        endSessions("SELECT s.session_id FROM api_key_session s JOIN user_session u ON u.id = s.session_id "
                            + "WHERE s.api_key_id = ? AND u.revoked_at IS NULL", keyId, "api-key-revoked");
    }

    /**
     * A key for an access token of its account. Wrong, revoked and inactive-account keys read the same (401); a plan
     * without api_access is 403 plan-limit and ends the sessions its keys opened before.
     */
    @Transactional(noRollbackFor = PlanLimitReached.class)
    public AuthService.TokenPair exchange(String secret, AuthService.Client client) {
        // Per key presented, from every address: guessing keys is as slow as guessing passwords.
        limiter.requireWithin("login", secret);
        Instant now = clock.instant();
        record Key(UUID id, UUID userId, String name) {
        }
        Key key = jdbc.query("SELECT id, user_id, name FROM api_key WHERE key_hash = ? AND revoked_at IS NULL",
                             (rs, i) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                                rs.getString(3)), Sessions.hash(secret))
                      .stream().findFirst().orElseThrow(ApiKeys::invalidKey);
        Credentials.Credential credential = credentials.findById(key.userId())
                                                       .filter(c -> c.active() && !c.lockedAt(now))
                                                       .orElseThrow(ApiKeys::invalidKey);
        if (!allowances.enables(new UserId(key.userId()), Features.API_ACCESS)) {
            endSessions("SELECT s.session_id FROM api_key_session s JOIN user_session u ON u.id = s.session_id "
                                + "WHERE u.user_id = ? AND u.revoked_at IS NULL", key.userId(), "api-access-ended");
            throw new PlanLimitReached(new UserId(key.userId()), Features.API_ACCESS, 0, 0);
        }
        // The session lives as long as its access token: the key, not a refresh token, buys the next one.
        Instant expires = now.plus(settings.accessTokenTtl());
        UUID sessionId = sessions.open(key.userId(), "api key: " + key.name(), client.ipAddress(),
                                       client.userAgent(), expires);
        jdbc.update("INSERT INTO api_key_session (session_id, api_key_id) VALUES (?, ?)", sessionId, key.id());
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", Timestamp.from(now), key.id());
        AccessTokens.Issued access = accessTokens.issue(key.userId(), credential.roles(), sessionId);
        return new AuthService.TokenPair(access.token(), access.expiresAt(), null, sessionId);
    }

    private void requireApiAccess(UUID userId) {
        if (!allowances.enables(new UserId(userId), Features.API_ACCESS)) {
            throw new PlanLimitReached(new UserId(userId), Features.API_ACCESS, 0, 0);
        }
    }

    private void endSessions(String query, UUID arg, String why) {
        for (UUID session : jdbc.queryForList(query, UUID.class, arg)) {
            sessions.revoke(session, why);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static ApiException invalidKey() {
        return new ApiException(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-api-key", "Invalid API key",
                                            "the key is wrong or revoked, or its account cannot log in now"));
    }
}
