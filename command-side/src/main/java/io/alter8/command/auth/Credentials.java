package io.alter8.command.auth;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The {@code credential} table: how users log in, and the lockout counters. */
@Component
class Credentials {

    record Credential(UUID userId, String passwordHash, List<String> roles, boolean active, int failedAttempts,
                      Instant lockedUntil, boolean twoFactor) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private static final String SELECT_CREDENTIAL = """
            SELECT user_id, password_hash, roles, active, failed_login_attempts, locked_until, two_factor_enabled
            FROM credential""";
    private static final RowMapper<Credential> CREDENTIAL =
            (rs, i) -> new Credential(rs.getObject(1, UUID.class), rs.getString(2),
                                      roles(rs.getString(3)), rs.getBoolean(4), rs.getInt(5),
                                      instant(rs.getTimestamp(6)), rs.getBoolean(7));

    private final JdbcTemplate jdbc;

    /** The {@code roles} column: role names, comma-separated. */
    static List<String> roles(String column) {
        return Arrays.asList(column.split(","));
    }

    Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID userId, String email, String phone, String passwordHash, List<String> roles) {
        jdbc.update("INSERT INTO credential (user_id, email, phone, password_hash, roles) VALUES (?, ?, ?, ?, ?)",
                    userId, normaliseEmail(email), phone, passwordHash, String.join(",", roles));
    }

    /** By email (any case) or phone, exactly as registered. */
    Optional<Credential> findByLogin(String login) {
        String key = login.strip();
        return jdbc.query(SELECT_CREDENTIAL + " WHERE email = ? OR phone = ?",
                          CREDENTIAL,
                          normaliseEmail(key), key)
                   .stream().findFirst();
    }

    Optional<Credential> findById(UUID userId) {
        return jdbc.query(SELECT_CREDENTIAL + " WHERE user_id = ?",
                          CREDENTIAL,
                          userId)
                   .stream().findFirst();
    }

    /** Counts a failed login and locks the account when it reaches {@code max}; answers whether it is locked now. */
    boolean recordFailure(UUID userId, int max, Instant lockUntil) {
        Integer attempts = jdbc.queryForObject("""
                UPDATE credential SET failed_login_attempts = failed_login_attempts + 1, updated_at = now()
                WHERE user_id = ? RETURNING failed_login_attempts""", Integer.class, userId);
        if (attempts != null && attempts >= max) {
            jdbc.update("UPDATE credential SET locked_until = ?, failed_login_attempts = 0 WHERE user_id = ?",
                        Timestamp.from(lockUntil), userId);
            return true;
        }
        return false;
    }

    void recordSuccess(UUID userId, Instant at) {
        jdbc.update("""
                UPDATE credential SET failed_login_attempts = 0, locked_until = NULL, last_login_at = ?,
                    updated_at = now() WHERE user_id = ?""", Timestamp.from(at), userId);
    }

    /** Where codes for this login can go: its phone, else its e-mail address. */
    Optional<Contact> contactOf(String login) {
        String key = login.strip();
        return jdbc.query("SELECT user_id, phone, email FROM credential WHERE email = ? OR phone = ?",
                          (rs, i) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                          normaliseEmail(key), key)
                   .stream().findFirst();
    }

    record Contact(UUID userId, String phone, String email) {
    }

    Optional<Contact> contactOf(UUID userId) {
        return jdbc.query("SELECT user_id, phone, email FROM credential WHERE user_id = ?",
                          (rs, i) -> new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                          userId)
                   .stream().findFirst();
    }

    void setPasswordHash(UUID userId, String passwordHash) {
        jdbc.update("""
                UPDATE credential SET password_hash = ?, failed_login_attempts = 0, locked_until = NULL,
                    updated_at = now() WHERE user_id = ?""", passwordHash, userId);
    }

    void setRoles(UUID userId, List<String> roles) {
        jdbc.update("UPDATE credential SET roles = ?, updated_at = now() WHERE user_id = ?",
                    String.join(",", roles), userId);
    }

    void setTwoFactor(UUID userId, boolean enabled) {
        jdbc.update("UPDATE credential SET two_factor_enabled = ?, updated_at = now() WHERE user_id = ?", enabled,
                    userId);
    }

    void setActive(UUID userId, boolean active) {
        jdbc.update("UPDATE credential SET active = ?, updated_at = now() WHERE user_id = ?", active, userId);
    }

    /** The login of an erased user goes for good, and with it their e-mail address and phone. */
    void delete(UUID userId) {
        jdbc.update("DELETE FROM credential WHERE user_id = ?", userId);
    }

    static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
