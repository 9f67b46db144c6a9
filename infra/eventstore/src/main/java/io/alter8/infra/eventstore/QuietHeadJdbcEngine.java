package io.alter8.infra.eventstore;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Axon's JDBC engine, answering a read of the head that just came back empty without asking the database again.
 * Axon's embedded store reads the stream until a read comes back empty, then, having found events, reads once more
 * at once: two queries (the read and Axon's gap check behind an empty one) that can only find what was committed in
 * between. Here an empty read from a token is trusted, for a read from the same token, until an event is committed
 * through this process's store ({@link #committedHere}, which the store's producer is woken by) or for
 * {@link #TRUSTED}, far less than any fetch delay, for events other processes commit. Nothing is skipped: an empty
 * answer leaves the reader's token where it was.
 * <p>
 * The command side's store runs it: its reader is woken by its own commits. The query side's reader only polls, and
 * there the read right after a batch is its quickest look at what was committed meanwhile, so it keeps Axon's.
 */
public class QuietHeadJdbcEngine extends JdbcEventStorageEngine {

    /** How long an empty read is trusted for events committed elsewhere. */
    static final Duration TRUSTED = Duration.ofMillis(5);
    private static final long TRUSTED_NANOS = TRUSTED.toNanos();

    private final AtomicLong commitsHere = new AtomicLong();
    private final LongSupplier nanoTime;
    private volatile EmptyRead lastEmpty;

    /** The last read that found nothing: from which token, how many commits here had been seen, and when. */
    private record EmptyRead(TrackingToken from, long commitsSeen, long atNanos) {
    }

    public QuietHeadJdbcEngine(Builder builder) {
        this(builder, System::nanoTime);
    }

    QuietHeadJdbcEngine(Builder builder, LongSupplier nanoTime) {
        super(builder);
        this.nanoTime = nanoTime;
    }

    /** Events were committed through this process's store: the next read asks the database. */
    public void committedHere() {
        commitsHere.incrementAndGet();
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        // Both read before the query, so a commit during it makes the next read ask again.
        long seen = commitsHere.get();
        long now = nanoTime.getAsLong();
        EmptyRead last = lastEmpty;
        if (last != null && last.commitsSeen() == seen && now - last.atNanos() < TRUSTED_NANOS
                && Objects.equals(last.from(), lastToken)) {
            return List.of();
        }
        List<? extends TrackedEventData<?>> read = super.fetchTrackedEvents(lastToken, batchSize);
        if (read.isEmpty()) {
            lastEmpty = new EmptyRead(lastToken, seen, now);
        }
        return read;
    }
}
