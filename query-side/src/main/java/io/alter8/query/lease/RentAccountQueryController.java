package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.lease.FindLeaseById;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.LeaseView;
import io.alter8.api.lease.RentLedgerView;
import io.alter8.api.lease.RentScheduleView;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * A lease's money over HTTP: its schedule of charges and its ledger. Who may read them is who may read the lease
 * ({@link LeaseQueryController}): its parties, admins, auditors and analysts; anyone else gets a 404.
 */
@RestController
@ReadModel(RentAccountProjector.PROCESSING_GROUP)
@Tag(name = "Lease money", description = "A lease's schedule of charges and its ledger")
class RentAccountQueryController {

    private final LeaseQueries leases;
    private final RentAccountQueries accounts;

    RentAccountQueryController(LeaseQueries leases, RentAccountQueries accounts) {
        this.leases = leases;
        this.accounts = accounts;
    }

    @GetMapping("/api/leases/{id}/schedule")
    @Operation(summary = "The lease's charges, oldest due first: period, due date, amounts, paid, status")
    RentScheduleView schedule(@PathVariable UUID id) {
        RentLedgerView ledger = ledger(id);
        return new RentScheduleView(ledger.leaseId(), ledger.charges());
    }

    @GetMapping("/api/leases/{id}/ledger")
    @Operation(summary = "The tenant's ledger of the lease: charges, payments, credit, deposit and the balance")
    RentLedgerView ledger(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        LeaseView lease = leases.handle(new FindLeaseById(new LeaseId(id)))
                                .filter(view -> caller.hasAnyRole(LeaseQueryController.READERS)
                                        || leases.isParty(caller.id(), view))
                                .orElseThrow(() -> ApiException.notFound("lease", id));
        return accounts.handle(new FindRentLedger(lease.id(), lease.terms().monthlyRent().currency()));
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/leases/*/schedule", "/api/leases/*/ledger")
                 .hasAnyRole(LeaseQueryController.READERS_AND_PARTIES);
        }
    }
}
