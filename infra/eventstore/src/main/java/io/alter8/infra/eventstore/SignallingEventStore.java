package io.alter8.infra.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
 * <p>
 * Only the streams whose processor handles some of the new events are called at once. A processor's coordinator
 * tells its stream which payload types none of its handlers takes ({@code skipMessagesWithPayloadTypeOf}); waking
 * it for those only to pass them over cost two thread hand-offs per processor per append (its coordinator and each
 * work package), for most of the query side's thirteen processors on every command. A stream with only such events
 * waiting is called within {@link #SWEEP}, so that its processor's position still follows the head, or at
 * once when a reader waits for a position ({@link #signalWaiting()}).
 * <p>
 * The watcher also cuts the links of the events the cache has dropped ({@link DroppedEventUnlinker}), so that the
 * young collections of a busy service do not copy every event stored since the first one they promoted.
 */
public class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);
    /** How long at most a stream waits with events its processor passes over, when no reader asks for it. */
    public static final Duration SWEEP = Duration.ofMillis(500);
    /**
     * How many of the newest events the store keeps in memory for its streams to share. Axon's default, 10,000, is
     * fifteen seconds of events at 300 commands a second: each cached event outlived two or three young collections
     * and was copied each time, and copying the cache was most of every young pause. A stream more than this many
     * events behind (a replay, a processor catching up) reads the store itself until it is close to the head again.
     */
    public static final int CACHED_EVENTS = 1_000;

    private final Set<Signalled> streams = ConcurrentHashMap.newKeySet();
    private final DroppedEventUnlinker unlinker = new DroppedEventUnlinker(this);
    private final long sweepNanos;
    private final Object news = new Object();
    private long signalled;
    private volatile Thread watcher;
    private volatile boolean stopped;

    public SignallingEventStore(Builder builder) {
        this(builder, SWEEP);
    }

    public SignallingEventStore(Builder builder, Duration sweep) {
        super(builder);
        this.sweepNanos = sweep.toNanos();
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

    private void tellWaiters() {
        synchronized (news) {
            signalled++;
            news.notifyAll();
        }
    }

    /** Events committed here: a head that read empty before is read again ({@link QuietHeadJdbcEngine}). */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (storageEngine() instanceof QuietHeadJdbcEngine engine) {
            engine.committedHere();
        }
        super.afterCommit(events);
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

    /** Starts the watcher with the first callback or waiter, so a service without either tails nothing. */
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

    /**
     * Calls back at once every stream that has events waiting which its processor passes over, so that its position
     * moves past them now rather than at the next sweep.
     */
    public void signalWaiting() {
        streams.forEach(Signalled::signalIfWaiting);
    }

    private void tail(BlockingStream<TrackedEventMessage<?>> first) {
        BlockingStream<TrackedEventMessage<?>> opened = first;
        while (!stopped) {
            try (BlockingStream<TrackedEventMessage<?>> newest =
                         opened != null ? opened : super.openStream(createHeadToken())) {
                opened = null;
                long sweepAt = System.nanoTime() + sweepNanos;
                while (!stopped) {
                    long wait = Math.max(1, TimeUnit.NANOSECONDS.toMillis(sweepAt - System.nanoTime()));
                    if (newest.hasNextAvailable((int) wait, TimeUnit.MILLISECONDS)) {
                        Set<Class<?>> types = new HashSet<>();
                        while (newest.hasNextAvailable()) {
                            types.add(newest.nextAvailable().getPayloadType());
                        }
                        streams.forEach(stream -> stream.arrived(types));
                        // Here, on the one thread that follows the head, after every batch the cache took in.
                        unlinker.unlinkDropped();
                        tellWaiters();
                    }
                    if (System.nanoTime() - sweepAt >= 0) {
                        signalWaiting();
                        sweepAt = System.nanoTime() + sweepNanos;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store is unreachable: the processors keep their own retries; the watcher tries again.
                log.debug("Watching the event store failed, trying again", e);
                streams.forEach(Signalled::signal);
                tellWaiters();
                try {
                    TimeUnit.NANOSECONDS.sleep(sweepNanos);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A stream of the store that accepts an availability callback, called by the watcher when events arrive that its
     * processor may handle, and within a sweep for the others.
     */
    private final class Signalled implements TrackingEventStream {

        private final TrackingEventStream delegate;
        /** Payload types the processor passes over: written by its coordinator, read by the watcher. */
        private final Set<Class<?>> passedOver = ConcurrentHashMap.newKeySet();
        private volatile Runnable callback;
        private volatile boolean waiting;

        private Signalled(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            streams.add(this);
            watch();
            return true;
        }

        /** New events of these payload types are in the store. */
        private void arrived(Set<Class<?>> types) {
            if (passedOver.containsAll(types)) {
                waiting = true;
            } else {
                signal();
            }
        }

        private void signalIfWaiting() {
            if (waiting) {
                signal();
            }
        }

        private void signal() {
            waiting = false;
            Runnable called = callback;
            if (called != null) {
                called.run();
            }
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
            passedOver.add(ignoredMessage.getPayloadType());
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
