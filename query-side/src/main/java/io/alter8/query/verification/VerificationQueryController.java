package io.alter8.query.verification;

import io.alter8.api.common.PageView;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Role;
import io.alter8.api.verification.FindVerificationById;
import io.alter8.api.verification.FindVerifications;
import io.alter8.api.verification.PropertyVerificationView;
import io.alter8.api.verification.VerificationStatus;
import io.alter8.api.verification.VerificationType;
import io.alter8.query.property.TenantRelationQueries;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Property verifications over HTTP. Admins, auditors and analysts see all; a field executive those assigned to them,
 * an agent those they accompany, an owner those of their properties, a property manager those of the properties
 * they manage. Tenants have none (403). A verification the caller may not see is a 404, as an unknown one.
 */
@RestController
@ReadModel(VerificationProjector.PROCESSING_GROUP)
@Tag(name = "Verifications", description = "Property verifications: assignment, visit, report, outcome, ratings")
class VerificationQueryController {

    static final String[] READ_EVERYTHING = {"admin", "super_admin", "auditor", "analyst"};
    static final String[] READERS = {"admin", "super_admin", "auditor", "analyst", "field_executive", "agent", "owner",
            "property_manager"};
    /** The roles whose view is narrowed to their own part, in the order a token with several is narrowed by. */
    private static final List<Role> NARROWED = List.of(Role.FIELD_EXECUTIVE, Role.AGENT, Role.OWNER,
                                                       Role.PROPERTY_MANAGER);

    private final VerificationQueries queries;

    VerificationQueryController(VerificationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/verifications")
    @ReadModel({VerificationProjector.PROCESSING_GROUP, TenantRelationQueries.CATALOG_PROCESSING_GROUP})
    @Operation(summary = "Property verifications the caller may see, newest first",
            description = "Filters optional: status (pending, assigned, in_progress, completed, rejected), type "
                    + "(standard, premium, legal), propertyId. Paged (size at most 100).")
    PageView<PropertyVerificationView> verifications(
            @Parameter(description = "pending, assigned, in_progress, completed, rejected")
            @RequestParam(required = false) String status,
            @Parameter(description = "standard, premium, legal") @RequestParam(required = false) String type,
            @RequestParam(required = false) String propertyId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        List<FieldError> errors = new ArrayList<>();
        VerificationStatus statusFilter = QueryParameters.wire("status", status, VerificationStatus::fromWire,
                                                               VerificationStatus.class, errors);
        VerificationType typeFilter = QueryParameters.wire("type", type, VerificationType::fromWire,
                                                           VerificationType.class, errors);
        PropertyId property = QueryParameters.id("propertyId", propertyId, PropertyId::of, errors);
        Paging paging = Paging.parse(page, size, null, Set.of("createdAt"), "createdAt", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        CurrentUser caller = CurrentUser.require();
        Optional<Role> narrowedAs = narrowedAs(caller);
        UserId visibleTo = narrowedAs.isPresent() ? new UserId(caller.id()) : null;
        return queries.handle(new FindVerifications(statusFilter, typeFilter, property, visibleTo,
                                                    narrowedAs.orElse(null), paging.page(), paging.size()));
    }

    @GetMapping("/api/verifications/{id}")
    @ReadModel({VerificationProjector.PROCESSING_GROUP, TenantRelationQueries.CATALOG_PROCESSING_GROUP})
    @Operation(summary = "One property verification (404 unless the caller may see it)",
            description = "Its report, outcome and the owner's feedback; ETag is its version.")
    ResponseEntity<PropertyVerificationView> verification(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        PropertyVerificationView view = queries.handle(new FindVerificationById(new VerificationId(id)))
                                               .filter(found -> visibleTo(caller, found))
                                               .orElseThrow(() -> ApiException.notFound("verification", id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    /** Empty for callers who see every verification; otherwise the role whose part they see. */
    private static Optional<Role> narrowedAs(CurrentUser caller) {
        if (caller.hasAnyRole(READ_EVERYTHING)) {
            return Optional.empty();
        }
        return Optional.of(NARROWED.stream().filter(role -> caller.hasRole(role.wire())).findFirst()
                                   .orElseThrow(() -> new IllegalStateException("a reader without a narrowing")));
    }

    private boolean visibleTo(CurrentUser caller, PropertyVerificationView view) {
        UserId me = new UserId(caller.id());
        return caller.hasAnyRole(READ_EVERYTHING)
                || caller.hasRole(Role.FIELD_EXECUTIVE.wire()) && me.equals(view.fieldExecutiveId())
                || caller.hasRole(Role.AGENT.wire()) && me.equals(view.agentId())
                || caller.hasRole(Role.OWNER.wire()) && me.equals(view.ownerId())
                || caller.hasRole(Role.PROPERTY_MANAGER.wire()) && queries.manages(caller.id(), view.propertyId());
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/verifications", "/api/verifications/*").hasAnyRole(READERS);
        }
    }
}
