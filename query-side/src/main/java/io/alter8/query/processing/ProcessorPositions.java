package io.alter8.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where each read model stands in the event stream, read from the processors' in-memory status (no query per
 * call, so a client waiting for its write costs next to nothing). Also resets a read model for a rebuild.
 * <p>
 * The status covers the segments this instance holds; with several query-side instances sharing a processor, each
 * instance knows only its own segments (see README, open issues).
 */
@Component
public class ProcessorPositions {

    private final EventProcessingConfiguration processing;

    ProcessorPositions(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public List<ProcessorStatus> statuses() {
        return processing.eventProcessors().keySet().stream()
                         .map(this::status)
                         .flatMap(Optional::stream)
                         .sorted(Comparator.comparing(ProcessorStatus::name))
                         .toList();
    }

    public Optional<ProcessorStatus> status(String name) {
        return streaming(name).map(p -> {
            Map<Integer, EventTrackerStatus> segments = p.processingStatus();
            return new ProcessorStatus(name, p.isRunning(), p.isReplaying(), p.isError(), segments.size(),
                                       lowest(segments).orElse(-1));
        });
    }

    /** The position every segment of the processor has passed, if it holds any. */
    public OptionalLong position(String name) {
        return streaming(name).map(p -> lowest(p.processingStatus())).orElse(OptionalLong.empty());
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

    /** Drops the read model (its @ResetHandler) and replays the stream into it from the start. */
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
