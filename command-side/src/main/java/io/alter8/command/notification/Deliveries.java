package io.alter8.command.notification;

import io.alter8.api.common.WireEnum;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of delivery, {@code notification_outbox}: every state change of a message is one conditional
 * UPDATE, so that two workers (or a worker and a stale queue item) can never both send it: only the one whose
 * {@code pending → sending} claim matched a row sends.
 */
@Component
class Deliveries {

    /** A row claimed for sending: what the worker needs to render and send it. */
    record Claimed(UUID id, UUID userId, String channel, String destination, String template, int templateVersion,
                   String language, Priority priority, int attempts, String payload, Instant createdAt) {

        @Override
        public String toString() {
            return "Claimed[" + id + ", " + channel + ", " + template + "]";
        }
    }

    /** A row a queue should hold: to (re)queue it. */
    record Queued(UUID id, String channel, Priority priority, int attempts, Instant createdAt) {
    }

    private static final RowMapper<Queued> QUEUED = (rs, i) -> new Queued(
            rs.getObject("id", UUID.class), rs.getString("channel"),
            WireEnum.fromWire(Priority.class, rs.getString("priority")), rs.getInt("attempts"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims a due, pending row for one try; empty when it is not (any more) to be sent. */
    Optional<Claimed> claim(UUID id, Instant now, Instant until) {
        return jdbc.query("""
                UPDATE notification_outbox SET status = 'sending', attempts = attempts + 1, claimed_until = ?
                WHERE id = ? AND status = 'pending' AND not_before <= ?
                RETURNING id, user_id, channel, destination, template, template_version, language, priority,
                          attempts, payload::text AS payload, created_at""",
                (rs, i) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                                       rs.getString("channel"), rs.getString("destination"),
                                       rs.getString("template"), rs.getInt("template_version"),
                                       rs.getString("language"),
                                       WireEnum.fromWire(Priority.class, rs.getString("priority")),
                                       rs.getInt("attempts"), rs.getString("payload"),
                                       rs.getTimestamp("created_at").toInstant()),
                ts(until), id, ts(now)).stream().findFirst();
    }

    void sent(UUID id, String providerMessageId, Instant now) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'sent', sent_at = ?, provider_message_id = ?,
                       claimed_until = NULL, last_error = NULL
                WHERE id = ? AND status = 'sending'""", ts(now), providerMessageId, id);
    }

    void retryAt(UUID id, String error, Instant next, Instant now) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'pending', not_before = ?, enqueued_at = ?,
                       claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'sending'""", ts(next), ts(now), clip(error), id);
    }

    void failed(UUID id, String error, Instant now) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'failed', failed_at = ?, claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'sending'""", ts(now), clip(error), id);
    }

    /**
     * Marks up to {@code limit} due, pending rows that no queue is known to hold (never queued, or queued before
     * {@code staleBefore}) as queued now, and answers them for queuing. Rows locked by another sweeper are skipped.
     */
    List<Queued> takeForQueuing(Instant now, Instant staleBefore, int limit) {
        return jdbc.query("""
                UPDATE notification_outbox o SET enqueued_at = ?
                FROM (SELECT id FROM notification_outbox
                      WHERE status = 'pending' AND not_before <= ? AND (enqueued_at IS NULL OR enqueued_at < ?)
                      ORDER BY not_before LIMIT ? FOR UPDATE SKIP LOCKED) due
                WHERE o.id = due.id
                RETURNING o.id, o.channel, o.priority, o.attempts, o.created_at""",
                QUEUED, ts(now), ts(now), ts(staleBefore), limit);
    }

    /**
     * Rows claimed longer ago than their claim allows: the worker died while sending, so the message may or may not
     * have gone out. They are failed rather than retried (never twice), for an operator to look at and retry.
     */
    List<Queued> failInterrupted(Instant now) {
        return jdbc.query("""
                UPDATE notification_outbox SET status = 'failed', failed_at = ?, claimed_until = NULL,
                       last_error = 'interrupted while sending: it may have gone out, so it was not retried'
                WHERE status = 'sending' AND claimed_until < ?
                RETURNING id, channel, priority, attempts, created_at""", QUEUED, ts(now), ts(now));
    }

    /** A failed row back to pending with fresh tries (an operator's retry); false if it is not failed. */
    Optional<Queued> revive(UUID id, Instant now) {
        return jdbc.query("""
                UPDATE notification_outbox SET status = 'pending', attempts = 0, not_before = ?, enqueued_at = ?,
                       failed_at = NULL, last_error = NULL
                WHERE id = ? AND status = 'failed'
                RETURNING id, channel, priority, attempts, created_at""", QUEUED, ts(now), ts(now), id)
                   .stream().findFirst();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
