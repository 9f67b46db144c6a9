package io.alter8.command.process;

import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Operators' view of the command side's processes (admins only): each saga's processor, how far it has read and how
 * far behind the head of the event store it is, segment by segment. The handlers that run in the command's own
 * transaction (claims, credentials) have no position of their own and are not listed: they cannot lag.
 */
@RestController
@Tag(name = "Processing groups", description = "The processes' processors: positions, lag, segments")
class ProcessingGroupController {

    private static final String GROUPS = "/api/admin/processing-groups";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessingGroupController(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /**
     * One process's processor. {@code state} is {@code up}, {@code error} (a segment fails and is retried with
     * back-off: the process is stuck on an event) or {@code stopped}; {@code position} the lowest over its segments
     * (-1 before the first event); {@code lag} how many positions it is behind {@code head}.
     */
    record GroupStatus(String name, String state, boolean running, boolean error, long position, long head, long lag,
                       List<Segment> segments) {
    }

    record Segment(int segment, long position, boolean caughtUp, boolean replaying, boolean error,
                   String errorMessage) {
    }

    @GetMapping(value = GROUPS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every process's processor: state, position, head, lag and segments")
    List<GroupStatus> list() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        return processing.eventProcessors().keySet().stream()
                         .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream()
                                                    .map(p -> status(name, p, head)))
                         .sorted(Comparator.comparing(GroupStatus::name))
                         .toList();
    }

    private static GroupStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        List<Segment> segments = held.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            EventTrackerStatus s = e.getValue();
            return new Segment(e.getKey(), s.getCurrentPosition().orElse(-1), s.isCaughtUp(), s.isReplaying(),
                               s.isErrorState(), s.isErrorState() && s.getError() != null
                                       ? NestedExceptionUtils.getMostSpecificCause(s.getError()).getMessage() : null);
        }).toList();
        boolean error = processor.isError() || segments.stream().anyMatch(Segment::error);
        long position = segments.stream().mapToLong(Segment::position).min().orElse(-1);
        long lag = head < 0 ? 0 : Math.max(0, head - Math.max(position, 0));
        String state = !processor.isRunning() ? "stopped" : error ? "error" : "up";
        return new GroupStatus(name, state, processor.isRunning(), error, position, head, lag, segments);
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, GROUPS).hasAnyRole("admin", "super_admin");
        }
    }
}
