package io.alter8.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Remembers the answer to each request sent with an {@code Idempotency-Key}, in Postgres so that it survives a
 * restart. A row is claimed before the request runs (the primary key makes two racing requests see each other) and
 * completed with the answer afterwards. Keys belong to the user who sent them: another user's same key is another
 * record. An answer that carries a token or a secret is never kept (see {@link #complete}).
 */
@Component
class IdempotencyStore {

    /** A claim older than this is taken as abandoned (the service died mid-request) and may be taken over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(60);
    /** A JSON field named for a credential, in any spelling: accessToken, refresh_token, newPassword, otp … */
    private static final Pattern SECRET_FIELD = Pattern.compile("\"[\\w-]*(token|password|secret|otp)\"\\s*:",
                                                                Pattern.CASE_INSENSITIVE);

    record Record(String requestHash, Integer status, String contentType, String location, String etag, byte[] body) {

        boolean completed() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;
    private final Duration retention;

    IdempotencyStore(JdbcTemplate jdbc, @Value("${alter8.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** True if this request now owns the key: it was free, or its last claim was abandoned. */
    boolean claim(UUID userId, String key, String requestHash) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_record (user_id, idempotency_key, request_hash)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", userId, key, requestHash);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("""
                UPDATE idempotency_record SET created_at = now()
                WHERE user_id = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL
                  AND created_at < now() - make_interval(secs => ?)""",
                           userId, key, requestHash, CLAIM_LEASE.toSeconds()) == 1;
    }

    Optional<Record> find(UUID userId, String key) {
        List<Record> rows = jdbc.query("""
                SELECT request_hash, status, content_type, location, etag, body FROM idempotency_record
                WHERE user_id = ? AND idempotency_key = ?""",
                (rs, i) -> new Record(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                                      rs.getString(4), rs.getString(5), rs.getBytes(6)),
                userId, key);
        return rows.stream().findFirst();
    }

    /**
     * Keeps the answer for replay, unless its body names a token or secret field: the second line of defence
     * behind the filter, which keeps the routes that answer tokens out. Answers false (nothing kept) then.
     */
    boolean complete(UUID userId, String key, int status, String contentType, String location, String etag,
                     byte[] body) {
        if (carriesSecrets(body)) {
            return false;
        }
        jdbc.update("""
                UPDATE idempotency_record
                SET status = ?, content_type = ?, location = ?, etag = ?, body = ?, completed_at = now()
                WHERE user_id = ? AND idempotency_key = ?""",
                    status, contentType, location, etag, body, userId, key);
        return true;
    }

    static boolean carriesSecrets(byte[] body) {
        return body != null && SECRET_FIELD.matcher(new String(body, StandardCharsets.UTF_8)).find();
    }

    /** Frees the key so the client can retry, for answers that must not be replayed (server errors). */
    void release(UUID userId, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE user_id = ? AND idempotency_key = ? AND status IS NULL",
                    userId, key);
    }

    @Scheduled(fixedDelayString = "${alter8.idempotency.cleanup-interval:PT1H}")
    void forgetExpired() {
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)",
                    retention.toSeconds());
    }
}
