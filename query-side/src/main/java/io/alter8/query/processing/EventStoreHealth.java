package io.alter8.query.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Ready only when the event stream can be read. Details show the head of the stream and how far behind each read
 * model is, the first thing to look at when reads seem stale.
 */
@Component("eventStoreHealthIndicator")
class EventStoreHealth extends AbstractHealthIndicator {

    private final EventStore eventStore;
    private final ProcessorPositions positions;

    EventStoreHealth(EventStore eventStore, ProcessorPositions positions) {
        super("event store is not readable");
        this.eventStore = eventStore;
        this.positions = positions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        builder.up().withDetail("headPosition", headPosition);
        positions.statuses().forEach(s -> builder.withDetail(
                s.name(), java.util.Map.of("position", s.position(), "behind",
                                           s.position() < 0 ? headPosition : Math.max(0, headPosition - s.position()),
                                           "replaying", s.replaying(), "error", s.error())));
    }
}
