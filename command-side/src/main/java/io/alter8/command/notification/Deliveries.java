package io.alter8.command.notification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.WireEnum;
import io.alter8.api.notification.NotificationChannelUpdated;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of delivery, {@code notification_outbox}: every state change of a message is one conditional
 * UPDATE, so that two workers (or a worker and a stale queue item) can never both send it: only the one whose
 * {@code pending → sending} claim matched a row sends. A notification's message reaching {@code sent},
 * {@code delivered}, {@code read} or {@code failed} is announced as {@link NotificationChannelUpdated} in the same
 * transaction, for the inbox; statuses only move forward ({@code sent → delivered → read}, or
 * {@code sent → failed}), so a provider's receipt repeated, late or out of order changes nothing.
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

    /** What a provider can report of a message it took. */
    enum Receipt {
        DELIVERED("delivered", "delivered_at = ?", "status = 'sent'"),
        READ("read", "read_at = ?", "status IN ('sent', 'delivered')"),
        FAILED("failed", "failed_at = ?, last_error = ?", "status = 'sent'");

        final String status;
        private final String assignments;
        private final String from;

        Receipt(String status, String assignments, String from) {
            this.status = status;
            this.assignments = assignments;
            this.from = from;
        }
    }

    /** The notification a changed row belongs to (null for messages without one, such as codes). */
    private record Changed(UUID notificationId, UUID userId, String channel) {
    }

    private static final RowMapper<Changed> CHANGED = (rs, i) -> new Changed(
            rs.getObject("notification_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("channel"));
    private static final String RETURNING_CHANGED = " RETURNING notification_id, user_id, channel";

    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final TransactionTemplate transaction;

    Deliveries(JdbcTemplate jdbc, EventGateway events, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = transaction;
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
        transaction.executeWithoutResult(s -> announce(jdbc.query("""
                UPDATE notification_outbox SET status = 'sent', sent_at = ?, provider_message_id = ?,
                       claimed_until = NULL, last_error = NULL
                WHERE id = ? AND status = 'sending'""" + RETURNING_CHANGED, CHANGED, ts(now), providerMessageId, id),
                                                       "sent", now));
    }

    void retryAt(UUID id, String error, Instant next, Instant now) {
        jdbc.update("""
                UPDATE notification_outbox SET status = 'pending', not_before = ?, enqueued_at = ?,
                       claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'sending'""", ts(next), ts(now), clip(error), id);
    }

    void failed(UUID id, String error, Instant now) {
        transaction.executeWithoutResult(s -> announce(jdbc.query("""
                UPDATE notification_outbox SET status = 'failed', failed_at = ?, claimed_until = NULL, last_error = ?
                WHERE id = ? AND status = 'sending'""" + RETURNING_CHANGED, CHANGED, ts(now), clip(error), id),
                                                       "failed", now));
    }

    /**
     * Applies a provider's receipt for a message it took on {@code channel}, named by our id or by the provider's;
     * answers the row it moved forward, or empty when it moved none (unknown, another channel's, or already there or
     * beyond). {@code reason} is kept for a failure.
     */
    Optional<UUID> receipt(String channel, UUID id, String providerMessageId, Receipt receipt, Instant at,
                           String reason) {
        List<Object> args = new ArrayList<>(List.of(receipt.status, ts(at)));
        if (receipt == Receipt.FAILED) {
            args.add(clip("the provider reported it undelivered" + (reason == null ? "" : ": " + reason)));
        }
        args.addAll(java.util.Arrays.asList(channel, id, providerMessageId));
        return transaction.execute(s -> {
            List<UUID> moved = new ArrayList<>();
            announce(jdbc.query("UPDATE notification_outbox SET status = ?, " + receipt.assignments
                                + " WHERE channel = ? AND (id = ? OR provider_message_id = ?) AND " + receipt.from
                                + " RETURNING id, notification_id, user_id, channel", (rs, i) -> {
                                    moved.add(rs.getObject("id", UUID.class));
                                    return CHANGED.mapRow(rs, i);
                                }, args.toArray()), receipt.status, at);
            return moved.stream().findFirst();
        });
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
        return transaction.execute(s -> {
            List<Changed> changed = new ArrayList<>();
            List<Queued> failed = jdbc.query("""
                    UPDATE notification_outbox SET status = 'failed', failed_at = ?, claimed_until = NULL,
                           last_error = 'interrupted while sending: it may have gone out, so it was not retried'
                    WHERE status = 'sending' AND claimed_until < ?
                    RETURNING id, channel, priority, attempts, created_at, notification_id, user_id""", (rs, i) -> {
                        changed.add(CHANGED.mapRow(rs, i));
                        return QUEUED.mapRow(rs, i);
                    }, ts(now), ts(now));
            announce(changed, "failed", now);
            return failed;
        });
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

    /** Tells the inbox of the notifications' channels that changed, in the caller's transaction. */
    private void announce(List<Changed> changed, String status, Instant at) {
        for (Changed c : changed) {
            if (c.notificationId() != null && c.userId() != null) {
                events.publish(new NotificationChannelUpdated(c.notificationId(), new UserId(c.userId()), c.channel(),
                                                              status, at));
            }
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
