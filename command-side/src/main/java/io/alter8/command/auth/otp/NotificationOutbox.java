package io.alter8.command.auth.otp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * The notification channel port as it stands until the notifications issue: messages are queued in
 * {@code notification_outbox}, in the same transaction as what caused them, for a sender to deliver. Nothing
 * here logs a message's content: it may hold a code.
 */
@Component
public class NotificationOutbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NotificationOutbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public UUID enqueue(String channel, String destination, String template, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notification_outbox (id, channel, destination, template, payload) "
                            + "VALUES (?, ?, ?, ?, ?::jsonb)",
                    id, channel, destination, template, json.writeValueAsString(payload));
        return id;
    }
}
