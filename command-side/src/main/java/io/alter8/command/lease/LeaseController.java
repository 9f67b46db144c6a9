package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.ActivateLease;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.ApproveLease;
import io.alter8.api.lease.GiveNotice;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.ProposeLease;
import io.alter8.api.lease.RejectLease;
import io.alter8.api.lease.RenewLease;
import io.alter8.api.lease.ReviseLeaseTerms;
import io.alter8.api.lease.SignLease;
import io.alter8.api.lease.TerminateLease;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.MoneyInput;
import io.alter8.command.web.OneOf;
import io.alter8.command.web.ProcessOutcomes;
import io.alter8.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lease commands, from proposal (a tenant's is an application) to termination. Routes admit roles
 * ({@link LeaseAccessRules}); the lease decides who is party to it. Every change takes {@code If-Match}.
 */
@RestController
@RequestMapping("/api/leases")
@Tag(name = "Leases", description = "Propose (or apply for) a lease, agree, sign, put into force, terminate")
class LeaseController {

    private static final String URL = "https?://\\S+";
    private static final String URL_MESSAGE = "must be an http(s) URL";

    private final CommandSender commands;
    private final ProcessOutcomes outcomes;

    LeaseController(CommandSender commands, ProcessOutcomes outcomes) {
        this.commands = commands;
        this.outcomes = outcomes;
    }

    /**
     * Every sum in the rent's currency; deposit, maintenance and brokerage absent mean none. Not "TermsInput": the
     * API docs name schemas by simple name, and the property's terms have that one.
     */
    record LeaseTermsInput(@NotNull LocalDate startDate,
                      @NotNull LocalDate endDate,
                      @Min(0) @Max(LeaseTermsCheck.MAX_NOTICE_DAYS) Integer noticePeriodDays,
                      Boolean renewalOption,
                      Boolean autoRenewal,
                      @NotNull @Valid MoneyInput monthlyRent,
                      @Valid MoneyInput securityDeposit,
                      @Valid MoneyInput maintenanceCharge,
                      @Valid MoneyInput brokerageAmount,
                      @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                      BigDecimal annualRentIncreasePercent,
                      LocalDate nextRentReviewDate,
                      @OneOf(AgreementType.class) String agreementType,
                      @Size(max = LeaseTermsCheck.MAX_SPECIAL_TERMS)
                      List<@NotBlank @Size(max = LeaseTermsCheck.MAX_SPECIAL_TERM_LENGTH) String> specialTerms,
                      @Min(1) @Max(31) Integer rentDueDay,
                      @Valid LateFeeInput lateFee) {

        LeaseTerms toTerms() {
            String currency = monthlyRent.currency();
            return new LeaseTerms(startDate, endDate, noticePeriodDays == null ? 30 : noticePeriodDays,
                                  renewalOption == null || renewalOption, autoRenewal != null && autoRenewal,
                                  monthlyRent.toMoney(), orNone(securityDeposit, currency),
                                  orNone(maintenanceCharge, currency), orNone(brokerageAmount, currency),
                                  annualRentIncreasePercent == null ? BigDecimal.ZERO : annualRentIncreasePercent,
                                  nextRentReviewDate,
                                  agreementType == null ? AgreementType.STANDARD : AgreementType.fromWire(agreementType),
                                  specialTerms == null ? List.of() : specialTerms.stream().map(String::strip).toList(),
                                  rentDueDay, lateFee == null ? null : lateFee.toRule());
        }

        private static Money orNone(MoneyInput money, String currency) {
            return money == null ? new Money(BigDecimal.ZERO, currency) : money.toMoney();
        }
    }

    /** A flat fee or a percentage of the rent, at most {@code maximum} if given, after {@code graceDays} (or 0). */
    record LateFeeInput(@NotNull @OneOf(LateFeeKind.class) String kind,
                        @Valid MoneyInput flatAmount,
                        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
                        BigDecimal percent,
                        @Valid MoneyInput maximum,
                        @Min(0) @Max(LeaseTermsCheck.MAX_GRACE_DAYS) Integer graceDays) {

        LateFeeRule toRule() {
            return new LateFeeRule(LateFeeKind.fromWire(kind), flatAmount == null ? null : flatAmount.toMoney(),
                                   percent, maximum == null ? null : maximum.toMoney(),
                                   graceDays == null ? 0 : graceDays);
        }
    }

    /** {@code tenantIds} may be left out by a tenant applying alone. */
    record ProposalRequest(UUID id,
                           @NotNull UUID propertyId,
                           UUID unitId,
                           @Size(max = Lease.MAX_TENANTS) List<@NotNull UUID> tenantIds,
                           UUID primaryTenantId,
                           UUID agentId,
                           @NotNull @Valid LeaseTermsInput terms) {
    }

    record ReasonRequest(@Size(max = Lease.MAX_REASON_LENGTH) String reason) {
    }

    record SignatureRequest(@NotNull @OneOf(LeaseParty.class) String as,
                            @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE)
                            String signatureUrl,
                            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String agreementUrl) {
    }

    record NoticeRequest(@NotNull @FutureOrPresent LocalDate terminationDate,
                         @Size(max = Lease.MAX_REASON_LENGTH) String reason) {
    }

    record TerminationRequest(@NotNull @PastOrPresent LocalDate terminationDate,
                              @Size(max = Lease.MAX_REASON_LENGTH) String reason,
                              @PastOrPresent LocalDate noticeDate,
                              @Valid MoneyInput earlyTerminationPenalty) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Proposed; Location is the lease on the query side")
    @ApiResponse(responseCode = "404", description = "No such property, or a private one and the caller a tenant")
    @Operation(summary = "Propose a lease of a unit, or apply for one (tenants)",
               description = "201 with the query-side Location. The owner, the listing agent, the manager or an admin "
                       + "propose; a tenant named in it applies (tenantIds left out: the caller alone). unitId may be "
                       + "left out for a property of one unit. Repeating it with the same id and body changes nothing.")
    ResponseEntity<CommandAccepted> propose(@Valid @RequestBody ProposalRequest request) {
        Actor by = Callers.actor();
        List<UUID> tenants = request.tenantIds();
        if (tenants == null || tenants.isEmpty()) {
            if (by.role() != Role.TENANT) {
                throw ApiException.badInput("tenantIds", "names at least one tenant");
            }
            tenants = List.of(by.userId().value());
        }
        LeaseId id = request.id() == null ? LeaseId.random() : new LeaseId(request.id());
        ProposeLease command = new ProposeLease(
                id, new PropertyId(request.propertyId()),
                request.unitId() == null ? null : new UnitId(request.unitId()),
                tenants.stream().map(UserId::new).toList(),
                request.primaryTenantId() == null ? null : new UserId(request.primaryTenantId()),
                request.agentId() == null ? null : new UserId(request.agentId()),
                request.terms().toTerms(), by);
        return commands.create(command, id, request.id(), "/api/leases/" + id);
    }

    @PutMapping("/{id}/terms")
    @Operation(summary = "Replace the terms while they are negotiated", description = "Approvals given lapse.")
    ResponseEntity<CommandAccepted> reviseTerms(@PathVariable UUID id, @Valid @RequestBody LeaseTermsInput request,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) -> new ReviseLeaseTerms(lease, request.toTerms(), by, version));
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Agree to the current terms (the owner or an admin for the owner, each tenant for themself)")
    ResponseEntity<CommandAccepted> approve(@PathVariable UUID id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, ApproveLease::new);
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Turn the lease down (a party, before it is in force)")
    ResponseEntity<CommandAccepted> reject(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) -> new RejectLease(lease, request.reason(), by, version));
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Sign a fully approved lease as owner, tenant or witness")
    ResponseEntity<CommandAccepted> sign(@PathVariable UUID id, @Valid @RequestBody SignatureRequest request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new SignLease(lease, LeaseParty.fromWire(request.as()), request.signatureUrl(), request.agreementUrl(),
                              by, version));
    }

    @PostMapping("/{id}/activation")
    @Operation(summary = "Put the lease into force: its unit becomes occupied",
               description = "The leasing process takes the unit after the request is stored; the answer waits for "
                       + "it (a few seconds at most). 200 once the lease is in force; 409 when it is not fully "
                       + "approved and signed, or when the property refused the unit (unit-occupied: another lease "
                       + "holds it; the lease stays signed). 202 when the process has not answered yet: read the "
                       + "lease until it is active, or sending this again answers the outcome.")
    ResponseEntity<CommandAccepted> activate(@PathVariable UUID id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                             String ifMatch) {
        return outcomes.await(commands.change(new LeaseId(id), ifMatch, ActivateLease::new),
                              LeaseActivationRequested.class, LeaseActivated.class, LeaseActivationRefused.class,
                              refused -> new DomainRuleViolation(refused.reason(), refused.detail() == null
                                      ? "the property did not let the unit to this lease" : refused.detail()));
    }

    /** The renewal's id may be given (then repeating the request is idempotent); its tenants are the lease's. */
    record RenewalRequest(UUID id, @NotNull @Valid LeaseTermsInput terms) {
    }

    @PostMapping("/{id}/renewal")
    @ApiResponse(responseCode = "201", description = "Renewed; Location is the new lease on the query side")
    @Operation(summary = "Renew a lease in force with new terms from the day after its end date",
               description = "The owner, the property's manager or an admin. The lease becomes renewed; the new "
                       + "lease (renewedFrom: this one) opens with the same tenants, who approve and sign it as any "
                       + "lease; when it is put into force the unit and the deposit pass to it directly (a higher "
                       + "securityDeposit: the top-up is held; a lower one: the difference is refunded); not in force "
                       + "by its start date, it is withdrawn and this lease expires. 201 once the new lease exists "
                       + "(202 with its Location if the process has not opened it yet). 409 lease-not-active, "
                       + "lease-renewed, notice-given, invalid-startDate, deposit-too-high (over 12 months' rent).")
    ResponseEntity<CommandAccepted> renew(@PathVariable UUID id, @Valid @RequestBody RenewalRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        LeaseId renewal = request.id() == null ? LeaseId.random() : new LeaseId(request.id());
        return commands.createThrough(new LeaseId(id), ifMatch, (lease, by, version) ->
                new RenewLease(lease, renewal, request.terms().toTerms(), by, version), renewal,
                Lease.class.getSimpleName(), "/api/leases/" + renewal);
    }

    @PostMapping("/{id}/notice")
    @Operation(summary = "Give notice: the lease in force ends on a date at least its notice period from today",
               description = "The daily assessment ends the lease on that date; the leasing process then vacates "
                       + "its unit. 409 notice-too-short when the date is nearer than the notice period allows.")
    ResponseEntity<CommandAccepted> giveNotice(@PathVariable UUID id, @Valid @RequestBody NoticeRequest request,
                                               @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                               String ifMatch) {
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new GiveNotice(lease, request.terminationDate(), request.reason(), by, version));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "End a lease in force as of a date up to today: its unit is vacated",
               description = "The leasing process vacates the unit right after the termination is stored.")
    ResponseEntity<CommandAccepted> terminate(@PathVariable UUID id, @Valid @RequestBody TerminationRequest request,
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                              String ifMatch) {
        Money penalty = request.earlyTerminationPenalty() == null ? null
                                                                  : request.earlyTerminationPenalty().toMoney();
        return commands.change(new LeaseId(id), ifMatch, (lease, by, version) ->
                new TerminateLease(lease, request.terminationDate(), request.reason(), request.noticeDate(), penalty,
                                   by, version));
    }
}
