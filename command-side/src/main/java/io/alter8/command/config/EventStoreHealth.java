package io.alter8.command.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ready only when the event store answers: the service can take no command without it. Reports the head position,
 * which tells an operator how far the query side has to go.
 */
@Component("eventStoreHealthIndicator")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class EventStoreHealth extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    EventStoreHealth(JdbcTemplate jdbc) {
        super("event store is not reachable");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        builder.up().withDetail("headPosition", head);
    }
}
