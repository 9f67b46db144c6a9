package io.alter8.query.processing;

import io.alter8.query.web.StreamLifetime;
import io.alter8.web.ApiException;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Operators' view of the query side's processing groups (admins only): where each stands and how far behind the
 * head of the store it is, segment by segment, a group's position as it moves, and the blue/green rebuild of a read
 * model with its progress.
 */
@RestController
@Tag(name = "Processing groups", description = "The read models' processors: positions, lag, rebuilds")
class ProcessingGroupController {

    private static final String GROUPS = "/api/admin/processing-groups";
    private static final String REBUILD = GROUPS + "/{group}/rebuild";
    private static final String POSITIONS = GROUPS + "/{group}/positions";

    private final ProcessorPositions positions;
    private final BlueGreenRebuilds rebuilds;
    private final PositionStreams streams;

    ProcessingGroupController(ProcessorPositions positions, BlueGreenRebuilds rebuilds, PositionStreams streams) {
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.streams = streams;
    }

    @GetMapping(value = GROUPS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every processing group: state, position, head, lag, dead letters and segments")
    List<ProcessorStatus> list() {
        return positions.statuses();
    }

    @GetMapping(value = POSITIONS, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The group's position as it moves (Server-Sent Events)",
               description = "An event named position whose data is the position every segment of the group has "
                       + "passed (-1 before the first event), sent at once and then whenever it moves, looked at "
                       + "every intervalMs. For watching lag without polling: one request for as long as the "
                       + "stream is open. The stream ends when the access token expires (at most after an hour); "
                       + "at most 2 per user are open at once (429).")
    SseEmitter positions(@PathVariable String group,
                         @Parameter(description = "how often the position is looked at, 1 to 1000 ms")
                         @RequestParam(defaultValue = "5") int intervalMs) {
        if (intervalMs < 1 || intervalMs > 1000) {
            throw ApiException.badInput("intervalMs", "must be a whole number of milliseconds from 1 to 1000");
        }
        return streams.open(group, Duration.ofMillis(intervalMs), CurrentUser.require().id(),
                            StreamLifetime.tokenExpiry());
    }

    @PostMapping(value = REBUILD, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rebuild a read model blue/green: a copy is filled while the old one answers",
               description = "202 with the progress and its Location. Once the copy has read up to the head of the "
                       + "event store it replaces the old tables in one transaction, and the caches fed by them "
                       + "are evicted. 409 while a rebuild of the group runs, or for a read model without tables "
                       + "(reset those through the processors endpoint).")
    ResponseEntity<RebuildProgress> start(
            @PathVariable String group,
            @Parameter(description = "fill the copy and wait at the head for POST …/rebuild/switch")
            @RequestParam(defaultValue = "false") boolean hold) {
        RebuildProgress progress = rebuilds.start(group, hold);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                             .location(URI.create(GROUPS + "/" + group + "/rebuild"))
                             .body(progress);
    }

    @GetMapping(value = REBUILD, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest rebuild of a read model: state, events done of the total, events/s, time left")
    RebuildProgress progress(@PathVariable String group) {
        return rebuilds.progress(group).orElseThrow(() -> ApiException.notFound("rebuild of the group", group));
    }

    @PostMapping(value = REBUILD + "/switch", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Switch a held rebuild whose copy has caught up (state ready)",
               description = "409 while the copy is still filling or the rebuild is over.")
    RebuildProgress switchNow(@PathVariable String group) {
        return rebuilds.switchNow(group);
    }

    @DeleteMapping(value = REBUILD, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a running rebuild: its copy is dropped, the read model stays as it is")
    RebuildProgress cancel(@PathVariable String group) {
        return rebuilds.cancel(group);
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, GROUPS, GROUPS + "/*/rebuild", GROUPS + "/*/positions")
                 .hasAnyRole(DeadLetterController.OPERATORS)
                 .requestMatchers(HttpMethod.POST, GROUPS + "/*/rebuild", GROUPS + "/*/rebuild/switch")
                 .hasAnyRole(DeadLetterController.OPERATORS)
                 .requestMatchers(HttpMethod.DELETE, GROUPS + "/*/rebuild")
                 .hasAnyRole(DeadLetterController.OPERATORS);
        }
    }
}
