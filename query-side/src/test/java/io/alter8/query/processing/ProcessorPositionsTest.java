package io.alter8.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorPositionsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final StoredSegments stored = mock(StoredSegments.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final ProcessorErrors errors = mock(ProcessorErrors.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final ProcessorPositions positions = new ProcessorPositions(processing, stored, deadLetters, errors,
                                                                       eventStore);

    private void segments(OptionalLong... currentPositions) {
        Map<Integer, EventTrackerStatus> status = new HashMap<>();
        Map<Integer, StoredSegments.Stored> inStore = new HashMap<>();
        for (int i = 0; i < currentPositions.length; i++) {
            EventTrackerStatus segment = mock(EventTrackerStatus.class);
            when(segment.getCurrentPosition()).thenReturn(currentPositions[i]);
            status.put(i, segment);
            inStore.put(i, new StoredSegments.Stored(currentPositions[i].orElse(-1), "this-node"));
        }
        when(processing.eventProcessor("listing", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processing.eventProcessors()).thenReturn(Map.of("listing", processor));
        when(processor.processingStatus()).thenReturn(status);
        when(processor.isRunning()).thenReturn(true);
        when(stored.count("listing")).thenReturn(inStore.size());
        when(stored.read("listing")).thenReturn(inStore);
    }

    /** A segment released after a failure: gone from the processor's status, still in the token store. */
    private void released(int segment, long storedPosition) {
        Map<Integer, EventTrackerStatus> held = new HashMap<>(processor.processingStatus());
        held.remove(segment);
        when(processor.processingStatus()).thenReturn(held);
        Map<Integer, StoredSegments.Stored> inStore = new HashMap<>(stored.read("listing"));
        inStore.put(segment, new StoredSegments.Stored(storedPosition, null));
        when(stored.read("listing")).thenReturn(inStore);
    }

    @Test
    void aSegmentThatHasReadNothingHasNotReachedTheFirstEventOfAnAxonServer() {
        // Axon Server's first event is at 0: a client awaiting it must wait until it is projected.
        segments(OptionalLong.of(0), OptionalLong.empty());

        assertThat(positions.position("listing")).hasValue(-1);
    }

    @Test
    void theLowestSegmentIsWhereTheReadModelStands() {
        segments(OptionalLong.of(7), OptionalLong.of(0));

        assertThat(positions.position("listing")).hasValue(0);
    }

    @Test
    void theLagIsHowFarTheSlowestSegmentIsBehindTheHeadOfTheStore() {
        segments(OptionalLong.of(120), OptionalLong.of(118));
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(130));

        ProcessorStatus status = positions.status("listing").orElseThrow();

        assertThat(status.head()).isEqualTo(130);
        assertThat(status.lag()).isEqualTo(12);
    }

    @Test
    void aProcessorThatHasReadNothingLagsByTheWholeStore() {
        segments(OptionalLong.empty());
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(50));

        assertThat(positions.status("listing").orElseThrow().lag()).isEqualTo(50);
    }

    @Test
    void aSegmentReleasedAfterAFailureHoldsThePositionWhereItsTokenStopped() {
        segments(OptionalLong.of(120), OptionalLong.of(118));
        released(1, 40);
        when(errors.failedWithin(eq("listing"), any())).thenReturn(true);
        when(errors.last("listing")).thenReturn(Optional.of(new ProcessorStatus.LastError("connection refused",
                                                                                          Instant.now())));

        assertThat(positions.position("listing")).hasValue(40);
        ProcessorStatus status = positions.status("listing").orElseThrow();
        assertThat(status.position()).isEqualTo(40);
        assertThat(status.state()).isEqualTo("error");
        assertThat(status.segments()).extracting(ProcessorStatus.Segment::segment, ProcessorStatus.Segment::position,
                                                 ProcessorStatus.Segment::claimed, ProcessorStatus.Segment::error)
                                     .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 120L, true, false),
                                                      org.assertj.core.groups.Tuple.tuple(1, 40L, false, true));
        assertThat(status.segments().get(1).errorMessage()).isEqualTo("connection refused");
    }

    @Test
    void aSegmentNobodyHasClaimedYetHoldsThePositionBackWithoutBeingAnError() {
        // Just after a start or a reset, before the processor claims it.
        segments(OptionalLong.of(120), OptionalLong.of(118));
        released(1, 40);

        assertThat(positions.position("listing")).hasValue(40);
        ProcessorStatus status = positions.status("listing").orElseThrow();
        assertThat(status.state()).isEqualTo("up");
        assertThat(status.position()).isEqualTo(40);
    }

    @Test
    void deadLettersAreSaidEvenWhenEverySegmentRuns() {
        segments(OptionalLong.of(50), OptionalLong.of(50));
        when(deadLetters.counts()).thenReturn(Map.of("listing", 2L));

        ProcessorStatus status = positions.statuses().get(0);

        assertThat(status.state()).isEqualTo("dead-letters");
        assertThat(status.deadLetters()).isEqualTo(2);
        assertThat(status.error()).isFalse();
        assertThat(status.position()).isEqualTo(50);
    }
}
