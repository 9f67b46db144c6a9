package io.alter8.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the store's cache has dropped no longer keeps the events after it alive, and a stream that fell behind
 * the cache still reads every event, in order.
 */
class DroppedEventUnlinkerTest {

    // Five cached events, and a fetch delay far longer than the test: only the signal of a commit moves the cache.
    final SignallingEventStore store = new SignallingEventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).fetchDelay(60_000)
                              .cachedEvents(5),
            Duration.ofMinutes(10));
    final DroppedEventUnlinker view = new DroppedEventUnlinker(store);

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void axonsCacheHasTheNodesTheUnlinkerReaches() {
        assertThat(DroppedEventUnlinker.available()).isTrue();
    }

    @Test
    void aDroppedEventHeldElsewhereNoLongerKeepsTheNextOnesAlive() {
        cacheSomeEvents();
        // Held here as a promoted node is held by the old generation until a full collection.
        Object first = view.oldestNode();
        store.publish(GenericEventMessage.asEventMessage("e0"));
        await().atMost(Duration.ofSeconds(5)).until(() -> DroppedEventUnlinker.nextOf(first) != null);
        WeakReference<Object> second = new WeakReference<>(DroppedEventUnlinker.nextOf(first));

        store.publish(texts(1, 12));

        await().atMost(Duration.ofSeconds(5)).until(() -> DroppedEventUnlinker.nextOf(first) == null);
        for (int i = 0; i < 20 && second.get() != null; i++) {
            System.gc();
        }
        assertThat(second.get()).as("the event after a dropped one, once nothing else holds it").isNull();
    }

    @Test
    void aStreamBehindTheCacheStillReadsEveryEventInOrder() throws InterruptedException {
        cacheSomeEvents();
        try (TrackingEventStream stream = store.openStream(store.createHeadToken())) {
            store.publish(texts(0, 2));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("e0");
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("e1");
            // Nothing more in the store: the stream now follows the cache, from e1's node, the newest.
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).isFalse();
            Object newest = view.oldestNode();
            while (DroppedEventUnlinker.nextOf(newest) != null) {
                newest = DroppedEventUnlinker.nextOf(newest);
            }
            Object streamsNode = newest;

            store.publish(texts(2, 20));
            await().atMost(Duration.ofSeconds(5)).until(() -> DroppedEventUnlinker.nextOf(streamsNode) == null);

            List<Object> read = new ArrayList<>();
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                read.add(stream.nextAvailable().getPayload());
            }
            assertThat(read).containsExactlyElementsOf(IntStream.range(2, 20).mapToObj(i -> "e" + i).toList());
        }
    }

    /**
     * Stores events until the cache holds some: the store fills its cache only for streams that follow it, and the
     * watcher's stream follows it once it has read what the store had.
     */
    private void cacheSomeEvents() {
        store.newEventsSignalled(); // starts the watcher
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            store.publish(GenericEventMessage.asEventMessage("before"));
            return view.oldestNode() != null;
        });
    }

    private static List<EventMessage<?>> texts(int from, int to) {
        return IntStream.range(from, to).<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage("e" + i))
                        .toList();
    }
}
