package io.alter8.command.audit;

import io.alter8.command.audit.MerkleLog.TreeLeaf;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The event log read through Axon's {@code EventStore}, for a deployment whose events Axon Server stores
 * ({@code alter8.audit.reader=event-store}, set by the {@code axonserver} profile): one entity's events with
 * {@code readEvents}, everything else with {@code openStream}, positions being the store's global index.
 * <p>
 * An event's bytes are those Axon's event serializer gives for it as read ({@link #stored}): the bytes as stored
 * where the store hands them over serialized by that serializer (the JDBC store), otherwise the payload serialized
 * again from the event as read, after the running version's upcasters, and the metadata from the map Axon Server
 * keeps. Filters are applied as the stream passes, so a page or an export reads the log from {@code afterPosition}
 * on, and a correlation the whole log (docs/audit.md, "Under Axon Server"). Every read stops at the head the store
 * had when it began, so a stream of any length ends and takes flat memory.
 */
@Component
@ConditionalOnProperty(name = EventStoreHistory.READER, havingValue = "event-store")
class EventStoreHistory implements EventHistory {

    /** Which store the audit reads: {@code jdbc} (the default) or {@code event-store}. */
    static final String READER = "alter8.audit.reader";
    /** How long the store may take to hand out the next event before the head it named; then 503. */
    private static final int PATIENCE_SECONDS = 10;

    private final EventStore events;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    EventStoreHistory(EventStore events, @Qualifier("eventSerializer") Serializer serializer, JdbcTemplate jdbc,
                      DataSource dataSource) {
        this.events = events;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The event at {@code position} in the stored form the audit shows and hashes. */
    StoredEvent stored(EventMessage<?> event, long position) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        byte[] metaData = event.serializeMetaData(serializer, byte[].class).getData();
        // As the JDBC store keeps an event no aggregate applied: under its own id, sequence 0, without a type.
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new StoredEvent(position, event.getIdentifier(), aggregateType, aggregateId, sequence,
                               payload.getType().getName(), payload.getType().getRevision(),
                               DateTimeUtils.formatInstant(event.getTimestamp()), payload.getData(), metaData);
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElseThrow();
    }

    @Override
    public long firstPosition() {
        return 0;
    }

    /**
     * {@code readEvents} carries no positions: they come from the tree's leaves (the leaf recorder wrote them as it
     * read the stream), and for events not yet in the tree from the stream past its last leaf.
     */
    @Override
    public List<StoredEvent> ofAggregate(String storedType, String aggregateId) {
        List<? extends DomainEventMessage<?>> found = events.readEvents(aggregateId, 0).asStream()
                                                            .filter(e -> storedType.equals(e.getType())).toList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT event_identifier, position FROM audit_tree_leaf WHERE aggregate_identifier = ?",
                   rs -> {
                       positions.put(rs.getString(1), rs.getLong(2));
                   }, aggregateId);
        Set<String> unplaced = found.stream().map(EventMessage::getIdentifier)
                                    .filter(id -> !positions.containsKey(id))
                                    .collect(Collectors.toCollection(HashSet::new));
        if (!unplaced.isEmpty()) {
            Long lastInTree = jdbc.queryForObject("SELECT max(position) FROM audit_tree_leaf", Long.class);
            read(lastInTree == null ? -1 : lastInTree, event -> {
                if (unplaced.remove(event.getIdentifier())) {
                    positions.put(event.getIdentifier(), position(event.trackingToken()));
                }
                return !unplaced.isEmpty();
            });
        }
        // An event the stream does not hand out yet (stored an instant ago) is left for the next ask.
        return found.stream().filter(e -> positions.containsKey(e.getIdentifier()))
                    .map(e -> stored(e, positions.get(e.getIdentifier()))).toList();
    }

    @Override
    public List<StoredEvent> page(EventFilter filter, int size) {
        List<StoredEvent> page = new ArrayList<>();
        read(filter.afterPosition(), event -> {
            if (matches(filter, event)) {
                page.add(stored(event, position(event.trackingToken())));
            }
            return page.size() < size;
        });
        return page;
    }

    @Override
    public void stream(EventFilter filter, Consumer<StoredEvent> each) {
        read(filter.afterPosition(), event -> {
            if (matches(filter, event)) {
                each.accept(stored(event, position(event.trackingToken())));
            }
            return true;
        });
    }

    @Override
    public Optional<StoredEvent> lastUpTo(String storedType, String aggregateId, Long position, Instant at) {
        StoredEvent last = null;
        for (StoredEvent event : ofAggregate(storedType, aggregateId)) {
            if ((position == null || event.position() <= position)
                    && (at == null || !Instant.parse(event.timestamp()).isAfter(at))) {
                last = event;
            }
        }
        return Optional.ofNullable(last);
    }

    @Override
    public Optional<StoredEvent> at(long position) {
        StoredEvent[] found = new StoredEvent[1];
        read(position - 1, event -> {
            if (position(event.trackingToken()) == position) {
                found[0] = stored(event, position);
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    @Override
    public List<StoredEvent> ofCorrelation(String correlationId) {
        List<StoredEvent> found = new ArrayList<>();
        read(-1, event -> {
            if (correlationId.equals(metaData(event, "correlationId"))) {
                found.add(stored(event, position(event.trackingToken())));
            }
            return true;
        });
        return found;
    }

    /** The leaves in tree order (which is position order) beside the events as the stream hands them out. */
    @Override
    public void streamTree(long treeSize, BiConsumer<TreeLeaf, StoredEvent> each) {
        try (RowCursor<TreeLeaf> leaves = RowCursor.open(dataSource, MerkleLog.LEAF_COLUMNS + "WHERE tree_index < "
                + treeSize + " ORDER BY tree_index", MerkleLog.LEAF);
             EventCursor stored = everything()) {
            StoredEvent event = stored.hasNext() ? stored.next() : null;
            while (leaves.hasNext()) {
                TreeLeaf leaf = leaves.next();
                while (event != null && event.position() < leaf.position()) {
                    event = stored.hasNext() ? stored.next() : null;
                }
                each.accept(leaf, event != null && event.position() == leaf.position() ? event : null);
            }
        }
    }

    @Override
    public EventCursor everything() {
        return new StreamCursor();
    }

    @Override
    public Optional<Long> positionOf(String eventId) {
        Long[] found = new Long[1];
        read(-1, event -> {
            if (eventId.equals(event.getIdentifier())) {
                found[0] = position(event.trackingToken());
            }
            return found[0] == null;
        });
        return Optional.ofNullable(found[0]);
    }

    private static boolean matches(EventFilter f, TrackedEventMessage<?> event) {
        if (f.type() != null) {
            String type = event.getPayloadType().getName();
            if (!type.equals(f.type()) && !type.endsWith("." + f.type())) {
                return false;
            }
        }
        if (f.aggregateType() != null && !(event instanceof DomainEventMessage<?> domain
                && f.aggregateType().equals(domain.getType()))) {
            return false;
        }
        Instant timestamp = event.getTimestamp();
        return (f.from() == null || !timestamp.isBefore(f.from()))
                && (f.to() == null || timestamp.isBefore(f.to()))
                && (f.userId() == null || f.userId().equals(metaData(event, "userId")))
                && (f.correlationId() == null || f.correlationId().equals(metaData(event, "correlationId")));
    }

    private static String metaData(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : Objects.toString(value);
    }

    /**
     * Hands {@code each} the events after position {@code after}, in position order, up to the head the store has
     * now or until {@code each} answers false.
     */
    private void read(long after, Predicate<TrackedEventMessage<?>> each) {
        try (StreamCursor cursor = new StreamCursor(after)) {
            while (cursor.hasNextMessage()) {
                if (!each.test(cursor.nextMessage())) {
                    return;
                }
            }
        }
    }

    /** The stream from a position to the head the store had when it was opened. */
    private final class StreamCursor implements EventCursor {

        private final long head;
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private TrackedEventMessage<?> ahead;
        private boolean ended;

        StreamCursor() {
            this(-1);
        }

        StreamCursor(long after) {
            head = position(events.createHeadToken());
            ended = head <= after;
            stream = ended ? null : events.openStream(tokenAfter(after));
        }

        boolean hasNextMessage() {
            if (ahead != null) {
                return true;
            }
            if (ended) {
                return false;
            }
            try {
                if (!stream.hasNextAvailable(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    throw unavailable();
                }
                ahead = stream.nextAvailable();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            }
            long position = position(ahead.trackingToken());
            if (position >= head) {
                ended = true;
                if (position > head) {
                    ahead = null;
                }
            }
            return ahead != null;
        }

        TrackedEventMessage<?> nextMessage() {
            if (!hasNextMessage()) {
                throw new NoSuchElementException();
            }
            TrackedEventMessage<?> next = ahead;
            ahead = null;
            return next;
        }

        @Override
        public boolean digests() {
            return false;
        }

        @Override
        public boolean hasNext() {
            return hasNextMessage();
        }

        @Override
        public StoredEvent next() {
            TrackedEventMessage<?> event = nextMessage();
            return stored(event, position(event.trackingToken()));
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
            }
        }

        /** Axon Server's tokens are global sequences; the JDBC store's (in tests) gap-aware ones. */
        private TrackingToken tokenAfter(long position) {
            if (position < 0) {
                return null;
            }
            return events.createTailToken() instanceof GapAwareTrackingToken
                    ? GapAwareTrackingToken.newInstance(position, new TreeSet<>())
                    : new GlobalSequenceTrackingToken(position);
        }
    }

    private static ApiException unavailable() {
        return new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable",
                                            "Event store unavailable",
                                            "the event store did not hand out the log up to its head in time"));
    }
}
