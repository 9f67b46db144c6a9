package io.alter8.command.audit;

import io.alter8.command.audit.MerkleLog.TreeLeaf;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where the audit routes read the event log, whichever store holds it: the PostgreSQL event store row by row as
 * stored ({@link AuditLog}, the default), or Axon Server through Axon's {@code EventStore} ({@link EventStoreHistory},
 * {@code alter8.audit.reader=event-store}). Positions are the store's global positions; events come in position
 * order, an entity's in sequence order.
 */
interface EventHistory {

    /** The lowest position an event can have: 1 in the PostgreSQL event store, 0 in Axon Server's. */
    long firstPosition();

    /** The events of aggregate {@code aggregateId} of type {@code storedType}, in sequence order. */
    List<StoredEvent> ofAggregate(String storedType, String aggregateId);

    /** Up to {@code size} events matching {@code filter}, in position order. */
    List<StoredEvent> page(EventFilter filter, int size);

    /** Every event matching {@code filter}, in position order, handed to {@code each} as it is read. */
    void stream(EventFilter filter, Consumer<StoredEvent> each);

    /**
     * The last event of aggregate {@code aggregateId} at or before {@code position} and before or at instant
     * {@code at} (either may be null).
     */
    Optional<StoredEvent> lastUpTo(String storedType, String aggregateId, Long position, Instant at);

    Optional<StoredEvent> at(long position);

    /** The events whose metadata carry {@code correlationId}, in position order. */
    List<StoredEvent> ofCorrelation(String correlationId);

    /**
     * The first {@code treeSize} leaves of the log's tree with their events as stored (null where an event is
     * missing), in tree order: the export bundle.
     */
    void streamTree(long treeSize, BiConsumer<TreeLeaf, StoredEvent> each);

    /** Every event in position order, read as the caller moves on, for verification; close it when done. */
    EventCursor everything();

    /** Where the event {@code eventId} stands now, if it is still in the log. */
    Optional<Long> positionOf(String eventId);

    /** Events read one by one; {@link #digests()}: payload and metadata hold their SHA-256 instead of their bytes. */
    interface EventCursor extends Iterator<StoredEvent>, AutoCloseable {

        boolean digests();

        @Override
        void close();
    }
}
