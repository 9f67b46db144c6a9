package io.alter8.command.web;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.command.DomainRuleViolation;
import io.alter8.infra.eventstore.SignallingEventStore;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a command waiting for its process answers: the outcome, the refusal, or 202 when the process is late. */
class ProcessOutcomesTest {

    static final LeaseId LEASE = LeaseId.random();
    static final PropertyId PROPERTY = PropertyId.random();
    static final UnitId UNIT = UnitId.random();
    static final UserId OWNER = UserId.random();

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    /** Positions as the store would give them: here, 1000 past the sequence number. */
    final EventPositions positions = new EventPositions() {
        @Override
        public long positionOf(String aggregateId, long sequenceNumber) {
            return 1000 + sequenceNumber;
        }

        @Override
        public Optional<CommandAccepted> last(String aggregateId) {
            throw new UnsupportedOperationException("outcomes read positions by sequence number only");
        }
    };
    final ProcessOutcomes outcomes = new ProcessOutcomes(store, positions, Duration.ofMillis(200));

    @AfterEach
    void tearDown() {
        store.shutDown();
    }

    void stored(long sequence, Object payload) {
        store.publish(new GenericDomainEventMessage<>("Lease", LEASE.toString(), sequence, payload));
    }

    ResponseEntity<CommandAccepted> requested(long version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"")
                             .body(new CommandAccepted(LEASE.toString(), version, 1000 + version));
    }

    ResponseEntity<CommandAccepted> await(long version) {
        return outcomes.await(requested(version), LeaseActivationRequested.class, LeaseActivated.class,
                              LeaseActivationRefused.class,
                              refused -> new DomainRuleViolation(refused.reason(), refused.detail()));
    }

    @Test
    void theOutcomeAnswersWithTheVersionAndPositionAfterIt() {
        stored(0, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));
        stored(1, new LeaseActivated(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));

        ResponseEntity<CommandAccepted> answer = await(0);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(new CommandAccepted(LEASE.toString(), 1, 1001));
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"1\"");
    }

    @Test
    void aRefusalIsThrownAsTheProblemItNames() {
        stored(0, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));
        stored(1, new LeaseActivationRefused(LEASE, PROPERTY, UNIT, "unit-occupied", "held by another lease"));

        assertThatThrownBy(() -> await(0))
                .isInstanceOfSatisfying(DomainRuleViolation.class,
                                        e -> assertThat(e.code()).isEqualTo("unit-occupied"))
                .hasMessage("held by another lease");
    }

    @Test
    void onlyTheOutcomeOfTheLastRequestCounts() {
        stored(0, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));
        stored(1, new LeaseActivationRefused(LEASE, PROPERTY, UNIT, "unit-occupied", "held by another lease"));
        stored(2, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));
        stored(3, new LeaseActivated(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));

        assertThat(await(2).getBody().version()).isEqualTo(3);
    }

    @Test
    void aProcessSlowerThanTheBoundIsAnswered202WithTheRequest() {
        stored(0, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));

        ResponseEntity<CommandAccepted> answer = await(0);

        assertThat(answer.getStatusCode().value()).isEqualTo(202);
        assertThat(answer.getBody()).isEqualTo(new CommandAccepted(LEASE.toString(), 0, 1000));
        assertThat(answer.getHeaders().getETag()).isEqualTo("\"0\"");
    }

    @Test
    void withoutARequestTheCommandsOwnAnswerStands() {
        stored(0, new LeaseActivated(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));

        assertThat(await(0)).isEqualTo(requested(0));
    }

    @Test
    void anIdIsHeldByAnotherKindOnlyWhenItsEventsAreAnotherAggregates() {
        stored(0, new LeaseActivated(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER));

        assertThat(outcomes.heldByAnotherKind(LEASE, "PropertyVerification")).isTrue();
        assertThat(outcomes.heldByAnotherKind(LEASE, "Lease")).isFalse();
        assertThat(outcomes.heldByAnotherKind(LeaseId.random(), "Lease")).isFalse();
        assertThat(outcomes.awaitCreated(LEASE)).hasValue(0L);
        assertThat(outcomes.awaitCreated(LeaseId.random())).isEmpty();
    }

    @Test
    void anOutcomeStoredWhileTheCommandWaitsAnswersItWithoutPollingTheStream() {
        AtomicInteger reads = new AtomicInteger();
        InMemoryEventStorageEngine counting = new InMemoryEventStorageEngine() {
            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                reads.incrementAndGet();
                return super.readEvents(aggregateIdentifier, firstSequenceNumber);
            }
        };
        SignallingEventStore signalling = new SignallingEventStore(EmbeddedEventStore.builder()
                                                                                      .storageEngine(counting));
        try {
            ProcessOutcomes waiting = new ProcessOutcomes(signalling, positions, Duration.ofSeconds(20));
            signalling.publish(new GenericDomainEventMessage<>(
                    "Lease", LEASE.toString(), 0, new LeaseActivationRequested(LEASE, PROPERTY, UNIT, List.of(OWNER),
                                                                               OWNER)));
            // The process's outcome, stored by another thread a moment later.
            CompletableFuture.runAsync(() -> signalling.publish(new GenericDomainEventMessage<>(
                    "Lease", LEASE.toString(), 1, new LeaseActivated(LEASE, PROPERTY, UNIT, List.of(OWNER), OWNER))),
                                       CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            long started = System.nanoTime();

            ResponseEntity<CommandAccepted> answer = waiting.await(requested(0), LeaseActivationRequested.class,
                                                                  LeaseActivated.class, LeaseActivationRefused.class,
                                                                  refused -> new DomainRuleViolation(refused.reason(),
                                                                                                     refused.detail()));

            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(answer.getStatusCode().value()).isEqualTo(200);
            assertThat(answer.getBody()).isEqualTo(new CommandAccepted(LEASE.toString(), 1, 1001));
            // Read when it started, when the store signalled the outcome, and at most every 250 ms between (a
            // read every 10 ms, as before, would be a hundred a second of waiting).
            assertThat(reads.get()).as("reads of the stream in %d ms", waitedMillis)
                                   .isLessThanOrEqualTo(3 + (int) (waitedMillis / 250));
        } finally {
            signalling.shutDown();
        }
    }
}
