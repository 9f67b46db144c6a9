package io.alter8.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProcessorPositionsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
    private final ProcessorPositions positions = new ProcessorPositions(processing);

    private void segments(OptionalLong... currentPositions) {
        Map<Integer, EventTrackerStatus> status = new java.util.HashMap<>();
        for (int i = 0; i < currentPositions.length; i++) {
            EventTrackerStatus segment = mock(EventTrackerStatus.class);
            when(segment.getCurrentPosition()).thenReturn(currentPositions[i]);
            status.put(i, segment);
        }
        when(processing.eventProcessor("listing", StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        when(processor.processingStatus()).thenReturn(status);
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
}
