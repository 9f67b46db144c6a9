package io.alter8.query.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready only when the event stream can be read. Details show the head of the stream and, per read model, its state,
 * how far behind it is, each segment and its dead letters: the first thing to look at when reads seem stale. Dead
 * letters and failing segments do not make the service unready — it still answers, from what it has — but they are
 * reported here, never as a plain "up".
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
        positions.statuses().forEach(s -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", s.state());
            detail.put("position", s.position());
            detail.put("behind", s.position() < 0 ? headPosition : Math.max(0, headPosition - s.position()));
            detail.put("replaying", s.replaying());
            detail.put("error", s.error());
            detail.put("deadLetters", s.deadLetters());
            detail.put("segments", s.segments());
            builder.withDetail(s.name(), detail);
        });
    }
}
