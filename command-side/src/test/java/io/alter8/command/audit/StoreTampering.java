package io.alter8.command.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an attacker with the database's credentials does to stored events, and how a test puts them back. */
final class StoreTampering {

    private StoreTampering() {
    }

    /** Flips one bit of the event's payload (again to put it back). */
    static void flipByte(JdbcTemplate jdbc, long position) {
        jdbc.update("UPDATE domain_event_entry SET payload = set_byte(payload, 3, get_byte(payload, 3) # 1) "
                            + "WHERE global_index = ?", position);
    }

    static void swap(JdbcTemplate jdbc, long first, long second) {
        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", first);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", second);
    }

    /** The event row at {@code position}, as {@link #putBack} takes it. */
    static Map<String, Object> row(JdbcTemplate jdbc, long position) {
        return jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE global_index = ?", position);
    }

    /** A removed row stored again as it was. */
    static void putBack(JdbcTemplate jdbc, Map<String, Object> row) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("global_index"), row.get("event_identifier"), row.get("aggregate_identifier"),
                    row.get("sequence_number"), row.get("type"), row.get("time_stamp"), row.get("payload_type"),
                    row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
    }

    /** That a verification answered broken, its first break of {@code kind} at the event; answers that break. */
    static JsonNode assertFirstBreak(JsonNode answer, String kind, long position, String eventId) {
        assertThat(answer.path("result").asString()).as(answer.toString()).isEqualTo("broken");
        JsonNode found = answer.path("firstBreak");
        assertThat(found.path("kind").asString()).as(answer.toString()).isEqualTo(kind);
        assertThat(found.path("position").asLong()).isEqualTo(position);
        assertThat(found.path("eventId").asString()).isEqualTo(eventId);
        return found;
    }
}
