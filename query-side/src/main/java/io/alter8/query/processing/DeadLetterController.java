package io.alter8.query.processing;

import io.alter8.api.common.PageView;
import io.alter8.web.ApiException;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Operators' handling of the events a read model could not process (admins only): list a processing group's dead
 * letters, retry the sequence a letter heads or belongs to, or evict a letter for good. The processor status
 * ({@code GET /actuator/processors}) counts them per group.
 */
@RestController
@Tag(name = "Dead letters", description = "Events a read model could not process, parked per processing group")
class DeadLetterController {

    static final String[] OPERATORS = {"admin", "super_admin"};
    private static final String ROUTE = "/api/admin/processing-groups/{group}/dead-letters";

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(ROUTE)
    @Operation(summary = "A processing group's dead letters, oldest first, each aggregate's in order",
               description = "Each letter names the event, its aggregate (the sequence whose later events wait "
                       + "behind it) and the cause.")
    PageView<DeadLetters.DeadLetterView> list(@PathVariable String group,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        Paging paging = Paging.parse(page, size, null, Set.of("enqueuedAt"), "enqueuedAt");
        return deadLetters.list(known(group), paging.page(), paging.size());
    }

    @PostMapping(ROUTE + "/{id}/retry")
    @Operation(summary = "Process the letter's aggregate sequence again, in order",
               description = "Letters that now succeed leave the queue; the first that fails stays (with its new "
                       + "cause), and those behind it. 200 with processed=false while another retry holds the "
                       + "sequence.")
    RetryResult retry(@PathVariable String group, @PathVariable String id) {
        boolean processed = deadLetters.retry(known(group), id)
                                       .orElseThrow(() -> ApiException.notFound("dead letter", id));
        return new RetryResult(processed, deadLetters.counts().getOrDefault(group, 0L));
    }

    @DeleteMapping(ROUTE + "/{id}")
    @Operation(summary = "Evict one letter for good: the read model will never apply that event",
               description = "Letters behind it in its sequence stay queued until they are retried.")
    ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String id) {
        if (!deadLetters.evict(known(group), id)) {
            throw ApiException.notFound("dead letter", id);
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /** Whether the retry took the sequence, and how many letters the group still has. */
    record RetryResult(boolean processed, long remaining) {
    }

    private String known(String group) {
        if (!deadLetters.isProcessingGroup(group)) {
            throw ApiException.notFound("processing group", group);
        }
        return group;
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/admin/processing-groups/*/dead-letters").hasAnyRole(OPERATORS)
                 .requestMatchers(HttpMethod.POST, "/api/admin/processing-groups/*/dead-letters/*/retry")
                 .hasAnyRole(OPERATORS)
                 .requestMatchers(HttpMethod.DELETE, "/api/admin/processing-groups/*/dead-letters/*")
                 .hasAnyRole(OPERATORS);
        }
    }
}
