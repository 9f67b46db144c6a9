package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.FindLeaseById;
import io.alter8.api.lease.FindLeases;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseView;
import io.alter8.web.QueryParameters;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.ETags;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Leases over HTTP. Admins, auditors and analysts read every lease; owners, agents, property managers and tenants
 * only those they are party to — another's lease is a 404, as if it did not exist. Field executives have no business
 * with leases (403).
 */
@RestController
@ReadModel(LeaseProjector.PROCESSING_GROUP)
@Tag(name = "Leases", description = "The leases read model: applications, proposals, leases in force and ended")
class LeaseQueryController {

    static final String[] READERS = {"admin", "super_admin", "auditor", "analyst"};
    static final String[] READERS_AND_PARTIES = {"admin", "super_admin", "auditor", "analyst", "owner", "agent",
                                                 "property_manager", "tenant"};

    private final LeaseQueries queries;

    LeaseQueryController(LeaseQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/leases")
    @Operation(summary = "Leases the caller may read, newest first",
               description = "Parties see the leases they are party to; admins, auditors and analysts all. "
                       + "application=true lists tenants' applications only.")
    PageView<LeaseView> leases(@RequestParam(required = false) String propertyId,
                               @Parameter(description = "draft, pending_approval, active, expired, terminated, "
                                       + "renewed")
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String application,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        List<FieldError> errors = new ArrayList<>();
        PropertyId property = QueryParameters.id("propertyId", propertyId, PropertyId::of, errors);
        LeaseStatus statusFilter = QueryParameters.wire("status", status, LeaseStatus::fromWire, LeaseStatus.class,
                                                        errors);
        Boolean applications = QueryParameters.bool("application", application, errors);
        Paging paging = Paging.parse(page, size, null, Set.of("createdAt"), "createdAt", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        CurrentUser caller = CurrentUser.require();
        UserId party = caller.hasAnyRole(READERS) ? null : new UserId(caller.id());
        return queries.handle(new FindLeases(party, property, statusFilter, applications, paging.page(),
                                             paging.size()));
    }

    @GetMapping("/api/leases/{id}")
    @Operation(summary = "One lease (its parties, admins, auditors, analysts)")
    ResponseEntity<LeaseView> lease(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        LeaseView view = queries.handle(new FindLeaseById(new LeaseId(id)))
                                .filter(lease -> caller.hasAnyRole(READERS) || queries.isParty(caller.id(), lease))
                                .orElseThrow(() -> ApiException.notFound("lease", id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/leases", "/api/leases/*").hasAnyRole(READERS_AND_PARTIES);
        }
    }
}
