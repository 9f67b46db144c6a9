package io.alter8.command.web;

import io.alter8.api.common.TypedId;
import io.alter8.infra.eventstore.SignallingEventStore;
import io.alter8.web.ETags;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The answer to a command that starts a process whose outcome the caller waits for (activating a lease: is the unit
 * the lease's?). The process runs after the command's commit and records its outcome as an event of the same
 * aggregate; this waits for that event a bounded time ({@code alter8.processes.answer-within}), reading the
 * aggregate's stream, which both the local store and Axon Server serve to any instance: again each time the local
 * store signals new events, on Axon Server every 10 ms.
 * <ul>
 *   <li>the outcome succeeded: 200 with the aggregate's version and position after it;</li>
 *   <li>it was refused: the refusal's problem (a 409);</li>
 *   <li>no outcome yet: 202 Accepted with the request's {@code {id, version, position}}; the client reads the
 *       entity until the outcome shows.</li>
 * </ul>
 */
@Component
public class ProcessOutcomes {

    /** The longest wait between two reads of the stream without news (another node's commit is signalled late). */
    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);
    /** Between two reads of the stream on a store that cannot signal (Axon Server). */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final EventStore eventStore;
    private final EventPositions positions;
    private final Duration answerWithin;

    ProcessOutcomes(EventStore eventStore, EventPositions positions,
                    @Value("${alter8.processes.answer-within:5s}") Duration answerWithin) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.answerWithin = answerWithin;
    }

    /**
     * The outcome of the last {@code started} event of the aggregate that {@code requested} answered for: the first
     * {@code succeeded} or {@code refused} event after it. Without a {@code started} event (the command was already
     * satisfied before any process began) the command's own answer stands.
     */
    public <R> ResponseEntity<CommandAccepted> await(ResponseEntity<CommandAccepted> requested, Class<?> started,
                                                     Class<?> succeeded, Class<R> refused,
                                                     Function<R, RuntimeException> refusal) {
        CommandAccepted request = requested.getBody();
        long deadline = System.nanoTime() + answerWithin.toNanos();
        while (true) {
            long seen = newEventsSignalled();
            List<? extends DomainEventMessage<?>> events = eventStore.readEvents(request.id()).asStream().toList();
            int start = lastIndexOf(events, started);
            if (start < 0) {
                return requested;
            }
            for (DomainEventMessage<?> event : events.subList(start + 1, events.size())) {
                if (succeeded.equals(event.getPayloadType())) {
                    // The success may come with more events of its unit of work (a lease's schedule): the version
                    // after it is the stream's last, so that it serves as the next If-Match.
                    long version = events.get(events.size() - 1).getSequenceNumber();
                    return ResponseEntity.ok()
                                         .header(HttpHeaders.ETAG, ETags.of(version))
                                         .body(new CommandAccepted(request.id(), version,
                                                                   positions.positionOf(request.id(), version)));
                }
                if (refused.equals(event.getPayloadType())) {
                    throw refusal.apply(refused.cast(event.getPayload()));
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).headers(requested.getHeaders()).body(request);
            }
            awaitNewEvents(seen, deadline);
        }
    }

    /**
     * The version of {@code created} once the process that a command started has created it, waiting as
     * {@link #await} does; empty when it did not in time.
     */
    Optional<Long> awaitCreated(TypedId created) {
        long deadline = System.nanoTime() + answerWithin.toNanos();
        while (true) {
            long seen = newEventsSignalled();
            Optional<Long> version = eventStore.lastSequenceNumberFor(created.toString());
            if (version.isPresent() || System.nanoTime() - deadline >= 0) {
                return version;
            }
            awaitNewEvents(seen, deadline);
        }
    }

    private long newEventsSignalled() {
        return eventStore instanceof SignallingEventStore signalling ? signalling.newEventsSignalled() : 0;
    }

    /**
     * Until the store signals events after {@code seen} (the process's outcome among them, perhaps), at most
     * {@link #LOOK_AGAIN} and never past {@code deadline}: the stream is read again only when it may have changed.
     */
    private void awaitNewEvents(long seen, long deadline) {
        if (!(eventStore instanceof SignallingEventStore signalling)) {
            LockSupport.parkNanos(POLL_NANOS);
            return;
        }
        long left = Math.max(0, deadline - System.nanoTime());
        try {
            signalling.awaitNewEvents(seen, Duration.ofNanos(Math.min(left, LOOK_AGAIN.toNanos())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process's outcome", e);
        }
    }

    /** Whether events of {@code id} exist and are those of an aggregate of another type than {@code type}. */
    boolean heldByAnotherKind(TypedId id, String type) {
        DomainEventStream events = eventStore.readEvents(id.toString());
        return events.hasNext() && !type.equals(events.peek().getType());
    }

    private static int lastIndexOf(List<? extends DomainEventMessage<?>> events, Class<?> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.equals(events.get(i).getPayloadType())) {
                return i;
            }
        }
        return -1;
    }
}
