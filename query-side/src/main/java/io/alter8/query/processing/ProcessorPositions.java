package io.alter8.query.processing;

import io.alter8.infra.eventstore.SignallingEventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Where each read model stands in the event stream: the lowest position over every segment of its processor. Read
 * from the processors' in-memory status while this instance holds every segment (no query per call, so a client
 * waiting for its write costs next to nothing); when a segment is missing from it — released after an error, or
 * held by another instance — that segment's stored token counts instead, so a stuck segment is never hidden by the
 * others. Also the full status per segment with dead letters, and the reset of a read model for a rebuild.
 */
@Component
public class ProcessorPositions {

    /** Axon retries a released segment within seconds; one unclaimed this long after a failure is failing again. */
    private static final Duration RELEASED_AFTER_FAILURE = Duration.ofMinutes(1);

    private final EventProcessingConfiguration processing;
    private final StoredSegments stored;
    private final DeadLetters deadLetters;
    private final ProcessorErrors errors;
    private final EventStore eventStore;

    ProcessorPositions(EventProcessingConfiguration processing, StoredSegments stored, DeadLetters deadLetters,
                       ProcessorErrors errors, EventStore eventStore) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.stored = stored;
        this.deadLetters = deadLetters;
        this.errors = errors;
    }

    public List<ProcessorStatus> statuses() {
        Map<String, Long> letters = deadLetters.counts();
        long head = head();
        return processing.eventProcessors().keySet().stream()
                         .map(name -> status(name, letters.getOrDefault(name, 0L), head))
                         .flatMap(Optional::stream)
                         .sorted(Comparator.comparing(ProcessorStatus::name))
                         .toList();
    }

    public Optional<ProcessorStatus> status(String name) {
        return status(name, deadLetters.counts().getOrDefault(name, 0L), head());
    }

    /** The position of the last event in the store: what a processor that has read everything has reached. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private Optional<ProcessorStatus> status(String name, long letters, long head) {
        return streaming(name).map(p -> {
            Map<Integer, EventTrackerStatus> held = p.processingStatus();
            Map<Integer, StoredSegments.Stored> inStore = stored.read(name);
            TreeSet<Integer> ids = new TreeSet<>(inStore.keySet());
            ids.addAll(held.keySet());
            List<ProcessorStatus.Segment> segments = new ArrayList<>();
            for (int id : ids) {
                EventTrackerStatus mine = held.get(id);
                StoredSegments.Stored there = inStore.get(id);
                segments.add(mine != null
                        ? new ProcessorStatus.Segment(id, mine.getCurrentPosition().orElse(-1), true,
                                                      there == null ? null : there.owner(), mine.isReplaying(),
                                                      mine.isCaughtUp(), mine.isErrorState(),
                                                      mine.isErrorState() ? message(mine.getError()) : null)
                        : unheld(name, id, there));
            }
            long position = segments.isEmpty() ? -1 : segments.stream()
                                                               .mapToLong(ProcessorStatus.Segment::position)
                                                               .min().orElse(-1);
            boolean error = p.isError() || segments.stream().anyMatch(ProcessorStatus.Segment::error);
            String state = !p.isRunning() ? "stopped" : error ? "error"
                    : letters < 0 ? "unknown" : letters > 0 ? "dead-letters" : "up";
            long lag = head < 0 ? 0 : Math.max(0, head - Math.max(position, 0));
            return new ProcessorStatus(name, state, p.isRunning(), p.isReplaying(), error, position, head, lag, letters,
                                       segments, errors.last(name).orElse(null));
        });
    }

    /**
     * A segment this instance does not hold. Held by nobody after its processor failed a batch, it was released by
     * the failure: in error, with the failure's message. Otherwise it is held elsewhere, or about to be claimed.
     */
    private ProcessorStatus.Segment unheld(String name, int id, StoredSegments.Stored stored) {
        boolean released = stored.owner() == null && errors.failedWithin(name, RELEASED_AFTER_FAILURE);
        return new ProcessorStatus.Segment(id, stored.position(), false, stored.owner(), false, false, released,
                                           released ? errors.last(name).map(ProcessorStatus.LastError::message)
                                                            .orElse(null) : null);
    }

    /**
     * Wakes at once the processors that let events they pass over wait ({@link SignallingEventStore}), so that a
     * reader waiting for a position does not wait for their next sweep.
     */
    public void hurry() {
        if (eventStore instanceof SignallingEventStore signalling) {
            signalling.signalWaiting();
        }
    }

    /** Whether the query side has a streaming processor of that name. */
    public boolean exists(String name) {
        return streaming(name).isPresent();
    }

    /** The position every segment of the processor has passed; empty while this instance holds none of them. */
    public OptionalLong position(String name) {
        return streaming(name).map(p -> position(name, p.processingStatus())).orElse(OptionalLong.empty());
    }

    private OptionalLong position(String name, Map<Integer, EventTrackerStatus> held) {
        if (held.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong lowest = lowest(held);
        if (held.size() >= stored.count(name)) {
            return lowest;
        }
        long min = lowest.orElse(-1);
        for (Map.Entry<Integer, StoredSegments.Stored> segment : stored.read(name).entrySet()) {
            if (!held.containsKey(segment.getKey())) {
                min = Math.min(min, segment.getValue().position());
            }
        }
        return OptionalLong.of(min);
    }

    /** The lowest position over all read models: what "everything is up to date" has reached. */
    public OptionalLong lowestPosition() {
        return lowestPosition(processing.eventProcessors().keySet().stream()
                                        .filter(name -> streaming(name).isPresent()).toList());
    }

    /** The position every one of these read models has passed; empty while any of them holds none. */
    public OptionalLong lowestPosition(Collection<String> names) {
        long lowest = Long.MAX_VALUE;
        for (String name : names) {
            OptionalLong position = position(name);
            if (position.isEmpty()) {
                return position;
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** Drops the read model (its @ResetHandler, and its dead letters) and replays the stream into it from the start. */
    public boolean reset(String name) {
        Optional<StreamingEventProcessor> processor = streaming(name);
        processor.ifPresent(p -> {
            p.shutDown();
            p.resetTokens();
            p.start();
        });
        return processor.isPresent();
    }

    private Optional<StreamingEventProcessor> streaming(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    private static String message(Throwable error) {
        return error == null ? null : String.valueOf(NestedExceptionUtils.getMostSpecificCause(error).getMessage());
    }

    private static OptionalLong lowest(Map<Integer, EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            // A claimed segment without a position has read nothing yet. That is -1, not 0: Axon Server numbers its
            // stream from 0 (the JDBC store from 1), so 0 would claim the first event of an Axon Server as read.
            lowest = Math.min(lowest, status.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(lowest);
    }
}
