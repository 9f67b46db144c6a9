package io.alter8.command.auth.otp;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * The notification channel port as it stands until the notifications issue: messages are queued in
 * {@code notification_outbox}, in the same transaction as what caused them, for a sender to deliver. A secret in a
 * message (a code) is stored only encrypted under its recipient's data key; its plaintext reaches a sender in this
 * process only in memory, as an {@link OutgoingMessage} published with the queued row (listen after commit). Nothing
 * here logs a message's content.
 */
@Component
public class NotificationOutbox {

    /**
     * A message as a sender in this process receives it: {@code content} may hold a secret in plain text, so it is
     * never logged or stored.
     */
    public record OutgoingMessage(UUID id, String channel, String destination, String template,
                                  Map<String, Object> content) {

        @Override
        public String toString() {
            return "OutgoingMessage[" + id + ", " + channel + ", " + template + "]";
        }
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    NotificationOutbox(JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** A message with nothing secret in it: stored as it is sent. */
    public UUID enqueue(String channel, String destination, String template, Map<String, Object> payload) {
        return enqueue(channel, destination, template, payload, payload);
    }

    /** A message whose {@code stored} form holds its secrets encrypted and whose {@code content} holds them plain. */
    public UUID enqueue(String channel, String destination, String template, Map<String, Object> stored,
                        Map<String, Object> content) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notification_outbox (id, channel, destination, template, payload) "
                            + "VALUES (?, ?, ?, ?, ?::jsonb)",
                    id, channel, destination, template, json.writeValueAsString(stored));
        events.publishEvent(new OutgoingMessage(id, channel, destination, template, content));
        return id;
    }
}
