package io.alter8.query.processing;

import io.alter8.web.ApiException;
import io.alter8.web.security.AccessRules;
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

import java.net.URI;
import java.util.List;

/**
 * Operators' view of the query side's processing groups (admins only): where each stands and how far behind the
 * head of the store it is, segment by segment, and the blue/green rebuild of a read model with its progress.
 */
@RestController
@Tag(name = "Processing groups", description = "The read models' processors: positions, lag, rebuilds")
class ProcessingGroupController {

    private static final String GROUPS = "/api/admin/processing-groups";
    private static final String REBUILD = GROUPS + "/{group}/rebuild";

    private final ProcessorPositions positions;
    private final BlueGreenRebuilds rebuilds;

    ProcessingGroupController(ProcessorPositions positions, BlueGreenRebuilds rebuilds) {
        this.positions = positions;
        this.rebuilds = rebuilds;
    }

    @GetMapping(value = GROUPS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every processing group: state, position, head, lag, dead letters and segments")
    List<ProcessorStatus> list() {
        return positions.statuses();
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
            rules.requestMatchers(HttpMethod.GET, GROUPS, GROUPS + "/*/rebuild")
                 .hasAnyRole(DeadLetterController.OPERATORS)
                 .requestMatchers(HttpMethod.POST, GROUPS + "/*/rebuild", GROUPS + "/*/rebuild/switch")
                 .hasAnyRole(DeadLetterController.OPERATORS)
                 .requestMatchers(HttpMethod.DELETE, GROUPS + "/*/rebuild")
                 .hasAnyRole(DeadLetterController.OPERATORS);
        }
    }
}
