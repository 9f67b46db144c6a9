package io.alter8.command.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Login sessions and their rotating refresh tokens (stored only as SHA-256 hashes). */
@Component
class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(UUID id, UUID userId, String deviceInfo, String ipAddress, String userAgent, Instant createdAt,
                   Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

        boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** What presenting a refresh token found. */
    record RefreshLookup(UUID sessionId, UUID userId, boolean spent, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final SessionRevocations revocations;

    Sessions(JdbcTemplate jdbc, SessionRevocations revocations) {
        this.jdbc = jdbc;
        this.revocations = revocations;
    }

    UUID open(UUID userId, String deviceInfo, String ip, String userAgent, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO user_session (id, user_id, device_info, ip_address, user_agent, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""", id, userId, deviceInfo, ip, userAgent, Timestamp.from(expiresAt));
        return id;
    }

    /** Issues a new refresh token for the session and answers it; only its hash is stored. */
    String issueRefreshToken(UUID sessionId, Instant expiresAt) {
        String token = randomSecret();
        jdbc.update("INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES (?, ?, ?)",
                    hash(token), sessionId, Timestamp.from(expiresAt));
        return token;
    }

    Optional<RefreshLookup> findRefreshToken(String token) {
        return jdbc.query("""
                        SELECT t.session_id, s.user_id, t.spent_at IS NOT NULL, t.expires_at
                        FROM refresh_token t JOIN user_session s ON s.id = t.session_id
                        WHERE t.token_hash = ? FOR UPDATE OF t""",
                          (rs, i) -> new RefreshLookup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                                       rs.getBoolean(3), rs.getTimestamp(4).toInstant()),
                          hash(token))
                   .stream().findFirst();
    }

    /** Spends a refresh token; false if it was spent already (by a racing request). */
    boolean spend(String token) {
        return jdbc.update("UPDATE refresh_token SET spent_at = now() WHERE token_hash = ? AND spent_at IS NULL",
                           hash(token)) == 1;
    }

    Optional<Session> find(UUID sessionId) {
        return jdbc.query("SELECT * FROM user_session WHERE id = ?", (rs, i) -> session(rs), sessionId)
                   .stream().findFirst();
    }

    void touch(UUID sessionId, Instant at) {
        jdbc.update("UPDATE user_session SET last_used_at = ? WHERE id = ?", Timestamp.from(at), sessionId);
    }

    /** Ends the session: its refresh and access tokens stop working at once, on both services. */
    boolean revoke(UUID sessionId, String why) {
        revocations.mark(List.of(sessionId));
        return jdbc.update("UPDATE user_session SET revoked_at = now(), revoked_why = ? "
                                   + "WHERE id = ? AND revoked_at IS NULL", why, sessionId) == 1;
    }

    /** Ends every session of the user (after a password reset, a deactivation). */
    int revokeAll(UUID userId, String why) {
        List<UUID> open = jdbc.queryForList("SELECT id FROM user_session WHERE user_id = ? AND revoked_at IS NULL "
                                                    + "FOR UPDATE", UUID.class, userId);
        revocations.mark(open);
        return jdbc.update("UPDATE user_session SET revoked_at = now(), revoked_why = ? "
                                   + "WHERE user_id = ? AND revoked_at IS NULL", why, userId);
    }

    List<Session> ofUser(UUID userId) {
        return jdbc.query("SELECT * FROM user_session WHERE user_id = ? ORDER BY created_at DESC",
                          (rs, i) -> session(rs), userId);
    }

    static Session session(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Session(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                           rs.getString("device_info"), rs.getString("ip_address"), rs.getString("user_agent"),
                           rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("last_used_at").toInstant(),
                           rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }

    /** 32 random bytes, base64url: refresh tokens and API key secrets. */
    static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
