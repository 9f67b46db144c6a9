package io.alter8.command.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the answer to each request sent with an {@code Idempotency-Key}, in Postgres so that it survives a
 * restart. A row is claimed before the request runs (the primary key makes two racing requests see each other) and
 * completed with the answer afterwards.
 */
@Component
class IdempotencyStore {

    /** A claim older than this is taken as abandoned (the service died mid-request) and may be taken over. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(60);

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
    boolean claim(String principal, String key, String requestHash) {
        int inserted = jdbc.update("""
                INSERT INTO idempotency_record (principal, idempotency_key, request_hash)
                VALUES (?, ?, ?) ON CONFLICT DO NOTHING""", principal, key, requestHash);
        if (inserted == 1) {
            return true;
        }
        return jdbc.update("""
                UPDATE idempotency_record SET created_at = now()
                WHERE principal = ? AND idempotency_key = ? AND request_hash = ? AND status IS NULL
                  AND created_at < now() - make_interval(secs => ?)""",
                           principal, key, requestHash, CLAIM_LEASE.toSeconds()) == 1;
    }

    Optional<Record> find(String principal, String key) {
        List<Record> rows = jdbc.query("""
                SELECT request_hash, status, content_type, location, etag, body FROM idempotency_record
                WHERE principal = ? AND idempotency_key = ?""",
                (rs, i) -> new Record(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                                      rs.getString(4), rs.getString(5), rs.getBytes(6)),
                principal, key);
        return rows.stream().findFirst();
    }

    void complete(String principal, String key, int status, String contentType, String location, String etag,
                  byte[] body) {
        jdbc.update("""
                UPDATE idempotency_record
                SET status = ?, content_type = ?, location = ?, etag = ?, body = ?, completed_at = now()
                WHERE principal = ? AND idempotency_key = ?""",
                    status, contentType, location, etag, body, principal, key);
    }

    /** Frees the key so the client can retry, for answers that must not be replayed (server errors). */
    void release(String principal, String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE principal = ? AND idempotency_key = ? AND status IS NULL",
                    principal, key);
    }

    @Scheduled(fixedDelayString = "${alter8.idempotency.cleanup-interval:PT1H}")
    void forgetExpired() {
        jdbc.update("DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)",
                    retention.toSeconds());
    }
}
