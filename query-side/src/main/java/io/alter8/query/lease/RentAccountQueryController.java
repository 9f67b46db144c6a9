package io.alter8.query.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PageView;
import io.alter8.api.lease.DueChargeView;
import io.alter8.api.lease.FindLeaseById;
import io.alter8.api.lease.FindRentLedger;
import io.alter8.api.lease.LeaseView;
import io.alter8.api.lease.RentLedgerView;
import io.alter8.api.lease.RentRollView;
import io.alter8.api.lease.RentScheduleView;
import io.alter8.api.lease.TransactionView;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A lease's money over HTTP: its schedule of charges and its ledger — read by who may read the lease
 * ({@link LeaseQueryController}): its parties, admins, auditors and analysts; anyone else gets a 404 — the overdue
 * and upcoming charges across the caller's leases, and the month's rent roll of an owner's or manager's leases.
 */
@RestController
@ReadModel(RentAccountProjector.PROCESSING_GROUP)
@Tag(name = "Lease money", description = "A lease's schedule of charges and its ledger")
class RentAccountQueryController {

    static final String[] ROLL_READERS = {"owner", "property_manager", "admin", "super_admin", "auditor", "analyst"};
    static final int UPCOMING_DAYS = 30;

    /** Who may read anyone's recent transactions. */
    static final String[] ADMINS = {"admin", "super_admin"};

    private final LeaseQueries leases;
    private final RentAccountQueries accounts;
    private final RecentTransactions recent;
    private final Clock clock;

    RentAccountQueryController(LeaseQueries leases, RentAccountQueries accounts, RecentTransactions recent,
                               Clock clock) {
        this.leases = leases;
        this.accounts = accounts;
        this.recent = recent;
        this.clock = clock;
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

    @GetMapping("/api/rent-roll")
    @Operation(summary = "A month's rent roll: expected, collected and outstanding per property and in total",
               description = "Owners and property managers over the leases they own or manage; admins, auditors and "
                       + "analysts over all. month=YYYY-MM, this month if left out.")
    RentRollView rentRoll(@RequestParam(required = false) String month) {
        YearMonth wanted;
        try {
            wanted = month == null ? YearMonth.now(clock) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.badInput("month", "must be a month, YYYY-MM");
        }
        CurrentUser caller = CurrentUser.require();
        return accounts.rentRoll(wanted, caller.hasAnyRole(LeaseQueryController.READERS) ? null : caller.id());
    }

    @GetMapping("/api/rent-charges/overdue")
    @Operation(summary = "Open charges past their due date plus the lease's grace days (or with a late fee), oldest "
            + "due first, of the leases the caller is party to (all, for admins, auditors and analysts)")
    PageView<DueChargeView> overdue(@RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        Paging paging = paging(page, size);
        return accounts.openCharges(party(), true, null, null, paging.page(), paging.size());
    }

    @GetMapping("/api/rent-charges/upcoming")
    @Operation(summary = "Open charges falling due in the next 30 days, of the leases the caller is party to")
    PageView<DueChargeView> upcoming(@RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Paging paging = paging(page, size);
        LocalDate today = LocalDate.now(clock);
        return accounts.openCharges(party(), false, today, today.plusDays(UPCOMING_DAYS), paging.page(),
                                    paging.size());
    }

    @GetMapping("/api/users/me/transactions/recent")
    @Operation(summary = "The caller's 20 newest transactions (payments, late fees and waivers, deposit movements) "
            + "over the leases they are party to, newest first")
    List<TransactionView> myRecentTransactions() {
        return recent.of(CurrentUser.require().id());
    }

    @GetMapping("/api/users/{id}/transactions/recent")
    @Operation(summary = "A user's 20 newest transactions: the user themselves and admins; anyone else gets a 404")
    List<TransactionView> recentTransactions(@PathVariable UUID id) {
        CurrentUser caller = CurrentUser.require();
        // The same 404 as GET /api/users/{id}: a 403 would tell a stranger the account exists.
        if (!caller.id().equals(id) && !caller.hasAnyRole(ADMINS)) {
            throw ApiException.notFound("user", id);
        }
        return recent.of(id);
    }

    private static UUID party() {
        CurrentUser caller = CurrentUser.require();
        return caller.hasAnyRole(LeaseQueryController.READERS) ? null : caller.id();
    }

    private static Paging paging(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.parse(page, size, null, Set.of("dueDate"), "dueDate", errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return paging;
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers(HttpMethod.GET, "/api/leases/*/schedule", "/api/leases/*/ledger",
                                  "/api/rent-charges/overdue", "/api/rent-charges/upcoming",
                                  "/api/users/*/transactions/recent")
                 .hasAnyRole(LeaseQueryController.READERS_AND_PARTIES)
                 .requestMatchers(HttpMethod.GET, "/api/rent-roll").hasAnyRole(ROLL_READERS);
        }
    }
}
