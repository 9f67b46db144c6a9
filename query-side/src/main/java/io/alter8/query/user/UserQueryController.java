package io.alter8.query.user;

import io.alter8.api.common.PageView;
import io.alter8.api.common.UserId;
import io.alter8.api.property.FindOwnerTenants;
import io.alter8.api.property.TenantRelationView;
import io.alter8.api.user.AccountStatus;
import io.alter8.api.user.AgentView;
import io.alter8.api.user.FindAgents;
import io.alter8.api.user.FindManagementMandates;
import io.alter8.api.user.FindUserById;
import io.alter8.api.user.FindUsers;
import io.alter8.api.user.ManagementMandateView;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserView;
import io.alter8.query.property.TenantRelationQueries;
import io.alter8.query.verification.VerificationQueries;
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
 * The user directory over HTTP: the users list for admins and auditors, a user's own account, one account, an
 * owner's tenants, and the agent directory for anyone signed in.
 * <p>
 * <b>Masked only.</b> Identity numbers (PAN, Aadhaar, GSTIN, an SSN's last four) and bank account numbers reach this
 * side as {@code EncryptedValue}s; it keeps and shows only their masked forms ({@code XXXXXX234F}), and phones only
 * masked too ({@code +9XXXXX210}), to everyone including the person, admins and the owners of the properties a
 * tenant leased. The query side holds neither the users' data keys nor the master key and must not: a copy of the
 * keys here would make every read model and backup of it a second place to erase a person from, and defeat
 * crypto-shredding. The full values, for the person themselves and for admins, will be served by the command side,
 * which holds the keys (docs/decisions.md, "Users on the read side: masked only").
 */
@RestController
// Accounts carry the ratings of agents and field executives, which the verifications read model keeps.
@ReadModel({UserDirectoryProjector.PROCESSING_GROUP, VerificationQueries.PROCESSING_GROUP})
@Tag(name = "Users", description = "The user directory read model: users, own account, an owner's tenants, agents")
class UserQueryController {

    /** Who may list every user and read anyone's account (auditors read, as everywhere, without acting). */
    private static final String[] DIRECTORY_READERS = {"admin", "super_admin", "auditor"};
    /** Owners read the accounts of their properties' tenants, current and past. */
    private static final String OWNER = "owner";
    private static final String PROPERTY_MANAGER = "property_manager";

    private final UserDirectoryQueries queries;
    private final TenantRelationQueries tenants;
    private final MandateQueries mandates;

    UserQueryController(UserDirectoryQueries queries, TenantRelationQueries tenants, MandateQueries mandates) {
        this.queries = queries;
        this.tenants = tenants;
        this.mandates = mandates;
    }

    @GetMapping("/api/users")
    @Operation(summary = "Users directory (admins, super admins, auditors)",
            description = "All filters optional; q matches first name, last name or e-mail (case-insensitive). "
                    + "Sort by registeredAt, lastName or lastLoginAt, e.g. sort=lastLoginAt,desc.")
    PageView<UserView> users(@Parameter(description = "owner, tenant, agent, field_executive, property_manager, "
                                     + "admin, super_admin, auditor, analyst")
                             @RequestParam(required = false) String role,
                             @Parameter(description = "active, inactive or erased")
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) String emailVerified,
                             @RequestParam(required = false) String phoneVerified,
                             @Parameter(description = "the review of the user's role passed (owner KYC, agent "
                                     + "licence, tenant background check); other roles: e-mail and phone verified")
                             @RequestParam(required = false) String verified,
                             @Parameter(description = "the user asked to be erased")
                             @RequestParam(required = false) String erasureRequested,
                             @RequestParam(required = false) String q,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size,
                             @RequestParam(required = false) String sort) {
        List<FieldError> errors = new ArrayList<>();
        Role roleFilter = QueryParameters.wire("role", role, Role::fromWire, Role.class, errors);
        AccountStatus statusFilter = QueryParameters.wire("status", status, AccountStatus::fromWire, AccountStatus.class, errors);
        Boolean email = QueryParameters.bool("emailVerified", emailVerified, errors);
        Boolean phone = QueryParameters.bool("phoneVerified", phoneVerified, errors);
        Boolean reviewed = QueryParameters.bool("verified", verified, errors);
        Boolean asked = QueryParameters.bool("erasureRequested", erasureRequested, errors);
        Paging paging = Paging.parse(page, size, sort, UserDirectoryQueries.USER_SORTS.keySet(), "registeredAt",
                                     errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        String text = QueryParameters.text(q);
        return queries.handle(new FindUsers(roleFilter, statusFilter, email, phone, reviewed, asked, text, paging.page(),
                                            paging.size(), paging.sortField(), paging.ascending()));
    }

    @GetMapping("/api/users/me")
    @Operation(summary = "The caller's own account",
            description = "404 until the read model has the account: after sign-up, send X-Await-Position.")
    ResponseEntity<UserView> me() {
        CurrentUser me = CurrentUser.require();
        UserView view = queries.handle(new FindUserById(new UserId(me.id())))
                               .orElseThrow(() -> ApiException.notFound("user", me.id()));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/api/users/me/tenants")
    @ReadModel({TenantRelationQueries.PROCESSING_GROUP, TenantRelationQueries.CATALOG_PROCESSING_GROUP,
            UserDirectoryProjector.PROCESSING_GROUP})
    @Operation(summary = "The tenants of the caller's properties, current and past (owners)", description = """
            One item per relation (endedAt null while it lasts), by since (default, newest first) or lastName. \
            Phones masked, no e-mail: GET /api/users/{id} shows a tenant's account to the owner.""")
    PageView<TenantRelationView> myTenants(@RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort) {
        Paging paging = Paging.parse(page, size, sort, TenantRelationQueries.SORT_NAMES, "since");
        boolean ascending = sort != null && !sort.isBlank() && paging.ascending();
        return tenants.handle(new FindOwnerTenants(new UserId(CurrentUser.require().id()), paging.page(),
                                                   paging.size(), paging.sortField(), ascending));
    }

    @GetMapping("/api/users/me/managers")
    @ReadModel(UserDirectoryProjector.PROCESSING_GROUP)
    @Operation(summary = "The property managers the caller (an owner) gave a mandate, newest first",
            description = "Names only. A mandate lets the manager register properties in the owner's name.")
    PageView<ManagementMandateView> myManagers(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return myMandates(true, page, size);
    }

    @GetMapping("/api/users/me/mandates")
    @ReadModel(UserDirectoryProjector.PROCESSING_GROUP)
    @Operation(summary = "The owners who gave the caller (a property manager) a mandate, newest first",
            description = "Names only: the owners in whose name the manager may register properties.")
    PageView<ManagementMandateView> myMandates(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return myMandates(false, page, size);
    }

    /** The caller's mandates in force, as the owner who gave them or as the manager who holds them. */
    private PageView<ManagementMandateView> myMandates(boolean asOwner, Integer page, Integer size) {
        Paging paging = Paging.parse(page, size, null, Set.of("since"), "since");
        UserId me = new UserId(CurrentUser.require().id());
        return mandates.handle(new FindManagementMandates(asOwner ? me : null, asOwner ? null : me, paging.page(),
                                                          paging.size()));
    }

    @GetMapping("/api/users/{id}")
    @ReadModel({UserDirectoryProjector.PROCESSING_GROUP, TenantRelationQueries.PROCESSING_GROUP,
            TenantRelationQueries.CATALOG_PROCESSING_GROUP, VerificationQueries.PROCESSING_GROUP})
    @Operation(summary = "One account (the person themselves, admins, auditors, and owners of a property the person "
            + "leased)")
    ResponseEntity<UserView> user(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        // Anyone else gets the same 404 as for an unknown id: a 403 would tell them the account exists.
        if (!caller.id().equals(id) && !caller.hasAnyRole(DIRECTORY_READERS)
                && !(caller.hasRole(OWNER) && tenants.isTenantOf(id, caller.id()))) {
            throw ApiException.notFound("user", id);
        }
        UserView view = queries.handle(new FindUserById(new UserId(id)))
                               .orElseThrow(() -> ApiException.notFound("user", id));
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @GetMapping("/api/agents")
    @ReadModel({UserDirectoryProjector.PROCESSING_GROUP, VerificationQueries.PROCESSING_GROUP})
    @Operation(summary = "Agent directory: verified, active agents",
            description = "city matches one of the agent's service areas, specialisation one of theirs (both "
                    + "case-insensitive). Sort by rating (default: best average rating from property verifications "
                    + "first, unrated last), experienceYears (most first by default) or registeredAt "
                    + "(sort=registeredAt,desc for the newest). Phones are masked; e-mail is never shown.")
    PageView<AgentView> agents(@RequestParam(required = false) String city,
                               @RequestParam(required = false) String specialisation,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size,
                               @RequestParam(required = false) String sort) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.parse(page, size, sort, UserDirectoryQueries.AGENT_SORTS.keySet(), "rating",
                                     errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        // Without a direction, rating and experience rank the best first; registeredAt is ascending as elsewhere.
        boolean ascending = sort != null && sort.contains(",") ? paging.ascending()
                : "registeredAt".equals(paging.sortField());
        return queries.handle(new FindAgents(QueryParameters.text(city), QueryParameters.text(specialisation), paging.page(),
                                             paging.size(), paging.sortField(), ascending));
    }

    /**
     * The users list is for directory readers only, the caller's tenants and managers for owners (like their
     * portfolio, and admins have none of their own), the caller's mandates for property managers; the other routes
     * decide per caller in the handler.
     */
    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/users").hasAnyRole(DIRECTORY_READERS)
                 .requestMatchers(HttpMethod.GET, "/api/users/me/tenants", "/api/users/me/managers").hasRole(OWNER)
                 .requestMatchers(HttpMethod.GET, "/api/users/me/mandates").hasRole(PROPERTY_MANAGER);
        }
    }
}
