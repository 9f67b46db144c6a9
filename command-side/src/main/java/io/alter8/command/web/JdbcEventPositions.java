package io.alter8.command.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The exact {@code global_index} of an event in the JDBC event store (one primary-key lookup). */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class JdbcEventPositions implements EventPositions {

    private final JdbcTemplate jdbc;

    JdbcEventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long positionOf(String aggregateId, long sequenceNumber) {
        Long position = jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class, aggregateId, sequenceNumber);
        if (position == null) {
            throw new IllegalStateException("event " + aggregateId + "/" + sequenceNumber + " is not in the store");
        }
        return position;
    }

    @Override
    public Optional<CommandAccepted> last(String aggregateId) {
        return jdbc.query("SELECT sequence_number, global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                                  + "ORDER BY sequence_number DESC LIMIT 1",
                          (row, n) -> new CommandAccepted(aggregateId, row.getLong(1), row.getLong(2)), aggregateId)
                   .stream().findFirst();
    }
}
