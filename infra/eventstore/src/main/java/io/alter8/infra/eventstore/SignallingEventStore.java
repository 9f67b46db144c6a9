package io.alter8.infra.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded event store, with streams that say when events arrive. A pooled streaming processor asks its stream
 * for an availability callback; Axon's embedded store offers none, so the processor's coordinator looked again only
 * every 500 ms, and every event waited up to that long before it was projected (lag p50 about 0.5 s per command
 * under load, whatever the fetch delay). Here one watcher tails the store's own cache of the newest events, which
 * its producer fills every fetch delay (and, for events this process commits, at once), and calls every open
 * stream's callback as soon as new events are in it: the coordinator then reads them at once. Work without a
 * processor waits for the same signal ({@link #awaitNewEvents}) instead of polling the store. Both services use it:
 * the query side's read models; the command side's processes, notifications, audit tree and the answers that wait
 * for a process.
 */
public class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);
    private static final int WAIT_MILLIS = 1_000;

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object news = new Object();
    private long signalled;
    private volatile Thread watcher;
    private volatile boolean stopped;

    public SignallingEventStore(Builder builder) {
        super(builder);
    }

    /**
     * How many times new events were signalled so far: hand it to {@link #awaitNewEvents} to wait for the next time.
     */
    public long newEventsSignalled() {
        watch();
        synchronized (news) {
            return signalled;
        }
    }

    /**
     * Waits, at most {@code patience}, until new events are signalled after {@code seen} (a count of
     * {@link #newEventsSignalled}), for work that follows the store without a processor of its own; answers the
     * count then. Events this process commits are signalled at once, others' within the store's fetch delay.
     */
    public long awaitNewEvents(long seen, Duration patience) throws InterruptedException {
        watch();
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (news) {
            long left;
            while (signalled == seen && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(news, left);
            }
            return signalled;
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new Signalled(super.openStream(trackingToken));
    }

    @Override
    public void shutDown() {
        stopped = true;
        Thread running = watcher;
        if (running != null) {
            running.interrupt();
        }
        super.shutDown();
    }

    /** Starts the watcher with the first callback or waiter, so a query side without processors tails nothing. */
    private void watch() {
        if (watcher == null) {
            startWatcher();
        }
    }

    private synchronized void startWatcher() {
        if (watcher == null && !stopped) {
            BlockingStream<TrackedEventMessage<?>> opened = null;
            try {
                // Opened here rather than in the thread, so an event stored once the first callback is set is seen.
                opened = super.openStream(createHeadToken());
            } catch (RuntimeException e) {
                log.debug("Watching the event store failed, the watcher tries again", e);
            }
            BlockingStream<TrackedEventMessage<?>> first = opened;
            Thread thread = new Thread(() -> tail(first), "event-store-watcher");
            thread.setDaemon(true);
            thread.start();
            watcher = thread;
        }
    }

    private void tail(BlockingStream<TrackedEventMessage<?>> first) {
        BlockingStream<TrackedEventMessage<?>> opened = first;
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> newest =
                         opened != null ? opened : super.openStream(createHeadToken())) {
                opened = null;
                while (!stopped) {
                    if (newest.hasNextAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        while (newest.hasNextAvailable()) {
                            newest.nextAvailable();
                        }
                        signal();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store is unreachable: the processors keep their own retries; the watcher tries again.
                log.debug("Watching the event store failed, trying again", e);
                signal();
                try {
                    Thread.sleep(WAIT_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void signal() {
        callbacks.forEach(Runnable::run);
        synchronized (news) {
            signalled++;
            news.notifyAll();
        }
    }

    /** A stream of the store that accepts an availability callback, called by the watcher. */
    private final class Signalled implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private Runnable callback;

        private Signalled(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            watch();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
