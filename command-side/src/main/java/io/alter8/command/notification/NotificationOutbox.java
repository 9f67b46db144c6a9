package io.alter8.command.notification;

import io.alter8.api.common.NotificationChannel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Where every message to a person starts: a row in {@code notification_outbox}, written in the same transaction as
 * what caused it, which is the durable record of its delivery ({@link DeliveryWorker} sends it). A secret in a
 * message (a code) is stored only encrypted under its recipient's data key and decrypted at the moment of sending.
 * After commit an {@link OutgoingMessage} is published in this process (it puts the row on its Redis queue, and
 * the tests read codes from it). Nothing here logs a message's content.
 */
@Component
public class NotificationOutbox {

    /**
     * A message as this process announces it after commit: {@code content} may hold a secret in plain text, so it is
     * never logged or stored.
     */
    public record OutgoingMessage(UUID id, String channel, String destination, String template,
                                  Map<String, Object> content, Priority priority, Instant notBefore) {

        @Override
        public String toString() {
            return "OutgoingMessage[" + id + ", " + channel + ", " + template + "]";
        }
    }

    /**
     * One message on one channel. {@code notificationId} ties the channels of one notification together (and makes
     * a second entry for the same notification and channel a no-op); {@code stored} holds secrets encrypted,
     * {@code content} the same plain; {@code notBefore} null means now.
     */
    public record Entry(UUID notificationId, UUID userId, NotificationChannel channel, String destination,
                        String template, int templateVersion, String language, Priority priority,
                        Instant notBefore, Map<String, Object> stored, Map<String, Object> content) {

        public Entry {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(priority, "priority");
            language = language == null ? "en" : language;
            stored = Map.copyOf(stored);
            content = Map.copyOf(content);
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationOutbox(JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** A message with nothing secret in it, sent now. */
    public UUID enqueue(NotificationChannel channel, String destination, String template,
                        Map<String, Object> payload) {
        return enqueue(new Entry(null, null, channel, destination, template, 1, "en", Priority.MEDIUM, null,
                                 payload, payload));
    }

    /**
     * Queues one message; answers its row id, or null when the notification already has a message on that channel
     * (a rule that saw its event again).
     */
    public UUID enqueue(Entry entry) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant notBefore = entry.notBefore() == null ? now : entry.notBefore();
        // A message due now is queued after commit; a later one is queued by the sweeper when it is due.
        Timestamp enqueuedAt = notBefore.isAfter(now) ? null : Timestamp.from(now);
        int inserted = jdbc.update("""
                INSERT INTO notification_outbox (id, notification_id, user_id, channel, destination, template,
                                                 template_version, language, priority, payload, not_before,
                                                 enqueued_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (notification_id, channel) WHERE notification_id IS NOT NULL DO NOTHING""",
                id, entry.notificationId(), entry.userId(), entry.channel().wire(), entry.destination(),
                entry.template(), entry.templateVersion(), entry.language(), entry.priority().wire(),
                json.writeValueAsString(entry.stored()), Timestamp.from(notBefore), enqueuedAt,
                Timestamp.from(now));
        if (inserted == 0) {
            return null;
        }
        events.publishEvent(new OutgoingMessage(id, entry.channel().wire(), entry.destination(), entry.template(),
                                                entry.content(), entry.priority(), notBefore));
        return id;
    }
}
