package io.alter8.infra.eventstore;

import io.alter8.api.common.PropertyId;
import io.alter8.api.property.AmenitiesChanged;
import io.alter8.query.EventStoreFixture;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real event store (the embedded PostgreSQL, as the command side migrates it): a head that read empty is not
 * asked again at once, and nothing committed is missed, here or elsewhere. Lives in the query side's tests, where the
 * command side's store is played by {@link EventStoreFixture}.
 */
class QuietHeadJdbcEngineTest {

    final EventStoreFixture store = EventStoreFixture.shared();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final QuietHeadJdbcEngine engine = new QuietHeadJdbcEngine(
            JdbcEventStorageEngine.builder()
                                  .connectionProvider(() -> {
                                      connections.incrementAndGet();
                                      return store.dataSource().getConnection();
                                  })
                                  .transactionManager(NoTransactionManager.INSTANCE)
                                  .eventSerializer(EventSerialization.serializer())
                                  .snapshotSerializer(EventSerialization.serializer())
                                  .schema(AxonSchemas.eventSchema()),
            nanos::get);

    @Test
    void aHeadReadAgainAtOnceAsksTheDatabaseNothing() {
        TrackingToken head = engine.createHeadToken();
        assertThat(read(head)).isEmpty();
        int asked = connections.get();

        assertThat(read(head)).isEmpty();

        assertThat(connections.get()).isEqualTo(asked);
    }

    @Test
    void anEventCommittedHereIsReadAtOnce() {
        TrackingToken head = engine.createHeadToken();
        assertThat(read(head)).isEmpty();

        UUID property = appendOne();
        engine.committedHere();

        assertThat(aggregates(read(head))).contains(property.toString());
    }

    @Test
    void anEventPublishedThroughTheSignallingStoreCountsAsCommittedHere() {
        SignallingEventStore events = new SignallingEventStore(
                EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(60_000), Duration.ofMinutes(10));
        try {
            TrackingToken head = engine.createHeadToken();
            assertThat(read(head)).isEmpty();
            UUID property = UUID.randomUUID();

            events.publish(new GenericDomainEventMessage<>("Property", property.toString(), 0,
                                                           new AmenitiesChanged(new PropertyId(property), List.of())));

            assertThat(aggregates(read(head))).contains(property.toString());
        } finally {
            events.shutDown();
        }
    }

    @Test
    void anEventCommittedElsewhereIsReadOnceTheEmptyReadIsNoLongerTrusted() {
        TrackingToken head = engine.createHeadToken();
        assertThat(read(head)).isEmpty();

        UUID property = appendOne();
        assertThat(read(head)).isEmpty();
        nanos.addAndGet(QuietHeadJdbcEngine.TRUSTED.toNanos());

        assertThat(aggregates(read(head))).contains(property.toString());
    }

    @Test
    void anotherTokenIsAlwaysAsked() {
        TrackingToken head = engine.createHeadToken();
        assertThat(read(head)).isEmpty();
        UUID property = appendOne();

        assertThat(aggregates(read(null))).contains(property.toString());
    }

    private List<? extends TrackedEventMessage<?>> read(TrackingToken from) {
        return engine.readEvents(from, false).toList();
    }

    private static List<String> aggregates(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList();
    }

    private UUID appendOne() {
        UUID property = UUID.randomUUID();
        store.append("Property", property, 0, new AmenitiesChanged(new PropertyId(property), List.of()));
        return property;
    }
}
