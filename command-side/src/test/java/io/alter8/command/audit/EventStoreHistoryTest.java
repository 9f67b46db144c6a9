package io.alter8.command.audit;

import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.infra.eventstore.EventSerialization;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader over Axon's in-memory event store, which numbers its stream from 0 as Axon Server does: the first event
 * is listed, found and exported like any other, every read ends at the head the store had when it began, and filters
 * select as the row reader's SQL does.
 */
class EventStoreHistoryTest {

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
                                                       .build();
    // Only the stream is read here: an entity's events would take their positions from the tree's leaves.
    final EventStoreHistory history = new EventStoreHistory(store, EventSerialization.serializer(), null, null);
    final UUID user = UUID.randomUUID();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    EventMessage<?> event(String aggregateId, long sequence, String correlationId) {
        NotificationIssued payload = new NotificationIssued(UUID.randomUUID(), new UserId(user), "rent_changed",
                                                            "medium", "Rent changed", "Your rent changed.",
                                                            "property", aggregateId, List.of(), "rent_changed", 1,
                                                            "en", Map.of(), null);
        MetaData metaData = MetaData.from(Map.of("correlationId", correlationId, "userId", user.toString()));
        return aggregateId == null
                ? GenericEventMessage.asEventMessage(payload).withMetaData(metaData)
                : new GenericDomainEventMessage<>("Property", aggregateId, sequence, payload, metaData);
    }

    static EventFilter all(long afterPosition) {
        return new EventFilter(null, null, null, null, null, null, afterPosition);
    }

    @Test
    void theFirstEventIsAtPositionZeroAndEveryReadFindsIt() {
        String property = UUID.randomUUID().toString();
        EventMessage<?> first = event(property, 0, "c-1");
        store.publish(first, event(property, 1, "c-2"), event(null, 0, "c-1"));

        List<StoredEvent> page = history.page(all(-1), 10);

        assertThat(page).extracting(StoredEvent::position).containsExactly(0L, 1L, 2L);
        assertThat(history.firstPosition()).isZero();
        StoredEvent zero = page.get(0);
        assertThat(zero.eventId()).isEqualTo(first.getIdentifier());
        assertThat(zero.aggregateType()).isEqualTo("Property");
        assertThat(zero.aggregateId()).isEqualTo(property);
        assertThat(zero.payloadType()).isEqualTo(NotificationIssued.class.getName());
        JsonNode payload = JsonMapper.builder().build().readTree(zero.payload());
        assertThat(payload.path("entityId").asString()).isEqualTo(property);
        assertThat(new String(zero.metaData())).contains("c-1");
        // An event no aggregate applied, as the JDBC store keeps it: under its own id, without a type.
        StoredEvent loose = page.get(2);
        assertThat(loose.aggregateType()).isNull();
        assertThat(loose.aggregateId()).isEqualTo(loose.eventId());
        assertThat(loose.sequence()).isZero();

        assertThat(history.at(0)).map(StoredEvent::eventId).contains(first.getIdentifier());
        assertThat(history.at(3)).isEmpty();
        assertThat(history.positionOf(first.getIdentifier())).contains(0L);
        assertThat(history.positionOf(UUID.randomUUID().toString())).isEmpty();
        assertThat(history.ofCorrelation("c-1")).extracting(StoredEvent::position).containsExactly(0L, 2L);
        assertThat(history.page(all(0), 1)).extracting(StoredEvent::position).containsExactly(1L);
        List<Long> everything = new ArrayList<>();
        try (EventHistory.EventCursor cursor = history.everything()) {
            assertThat(cursor.digests()).isFalse();
            cursor.forEachRemaining(e -> everything.add(e.position()));
        }
        assertThat(everything).containsExactly(0L, 1L, 2L);
    }

    @Test
    void filtersSelectByTypeAggregateTypeUserAndTime() {
        String property = UUID.randomUUID().toString();
        store.publish(event(property, 0, "c-1"), event(null, 0, "c-1"));

        assertThat(history.page(new EventFilter("NotificationIssued", "Property", null, null, user.toString(), null,
                                                -1), 10)).extracting(StoredEvent::position).containsExactly(0L);
        assertThat(history.page(new EventFilter("Issued", null, null, null, null, null, -1), 10)).isEmpty();
        assertThat(history.page(new EventFilter(null, null, null, null, UUID.randomUUID().toString(), null, -1), 10))
                .isEmpty();
        assertThat(history.page(new EventFilter(null, null, java.time.Instant.now().plusSeconds(60), null, null,
                                                null, -1), 10)).isEmpty();
        List<StoredEvent> streamed = new ArrayList<>();
        history.stream(new EventFilter(null, null, null, java.time.Instant.now().plusSeconds(60), null, "c-1", -1),
                       streamed::add);
        assertThat(streamed).extracting(StoredEvent::position).containsExactly(0L, 1L);
    }

    @Test
    void anEmptyStoreReadsNothingAndDoesNotWait() {
        assertThat(history.page(all(-1), 10)).isEmpty();
        assertThat(history.at(0)).isEmpty();
        try (EventHistory.EventCursor cursor = history.everything()) {
            assertThat(cursor.hasNext()).isFalse();
        }
    }
}
