package io.alter8.infra.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream of the store calls its processor back when an event is stored, which Axon's embedded store never does
 * (its processors then look again only every 500 ms), and stops calling once closed. Events of a payload type its
 * processor passes over wait for a reader or the next sweep.
 */
class SignallingEventStoreTest {

    // A fetch delay far longer than the wait below: only the signal of a commit can wake the reader in time. No
    // sweep within a test, unless a test makes its own store.
    final SignallingEventStore store = new SignallingEventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).fetchDelay(60_000),
            Duration.ofMinutes(10));

    @AfterEach
    void stop() {
        store.shutDown();
    }

    @Test
    void anOpenStreamIsCalledBackWhenAnEventIsStored() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(calls::incrementAndGet)).isTrue();

            store.publish(GenericEventMessage.asEventMessage("first"));

            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
            assertThat(stream.hasNextAvailable(1, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBack() {
        AtomicInteger open = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        try (TrackingEventStream stays = store.openStream(null)) {
            stays.setOnAvailableCallback(open::incrementAndGet);
            TrackingEventStream leaves = store.openStream(null);
            leaves.setOnAvailableCallback(closed::incrementAndGet);
            leaves.close();

            store.publish(GenericEventMessage.asEventMessage("second"));

            await().atMost(Duration.ofSeconds(5)).until(() -> open.get() > 0);
            assertThat(closed.get()).isZero();
        }
    }

    @Test
    void eventsAStreamPassesOverWaitUntilAReaderAsksAndOthersWakeItAtOnce() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = store.openStream(null)) {
            int passedOver = passingOverTexts(store, stream, calls);

            store.publish(GenericEventMessage.asEventMessage("another text"));

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                   .until(() -> calls.get() == passedOver);
            store.signalWaiting();
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > passedOver);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("another text");

            int handled = calls.get();
            store.publish(GenericEventMessage.asEventMessage(42));
            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > handled);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(42);
        }
    }

    @Test
    void eventsAStreamPassesOverReachItWithinTheSweep() throws InterruptedException {
        SignallingEventStore swept = new SignallingEventStore(
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).fetchDelay(60_000),
                Duration.ofMillis(100));
        AtomicInteger calls = new AtomicInteger();
        try (TrackingEventStream stream = swept.openStream(null)) {
            int passedOver = passingOverTexts(swept, stream, calls);

            swept.publish(GenericEventMessage.asEventMessage("another text"));

            await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > passedOver);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("another text");
        } finally {
            swept.shutDown();
        }
    }

    /**
     * Stores a text and, once the stream was called for it, passes texts over as a processor's coordinator does
     * with a payload type none of its handlers takes; answers the calls so far.
     */
    private static int passingOverTexts(SignallingEventStore on, TrackingEventStream stream, AtomicInteger calls)
            throws InterruptedException {
        stream.setOnAvailableCallback(calls::incrementAndGet);
        on.publish(GenericEventMessage.asEventMessage("a text"));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() > 0);
        stream.skipMessagesWithPayloadTypeOf(stream.nextAvailable());
        return calls.get();
    }
}
