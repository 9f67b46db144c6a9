package io.alter8.command.web;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * With Axon Server the store does not say where one event landed; the head of the stream, read after the command
 * committed, is at or past it, so a query that waits for it still reads the write (it may wait for a few more).
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class HeadEventPositions implements EventPositions {

    private final EventStore eventStore;

    HeadEventPositions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public long positionOf(String aggregateId, long sequenceNumber) {
        TrackingToken head = eventStore.createHeadToken();
        return head instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex()
                                                                  : head.position().orElse(0L);
    }

    @Override
    public Optional<CommandAccepted> last(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId)
                         .map(version -> new CommandAccepted(aggregateId, version, positionOf(aggregateId, version)));
    }
}
