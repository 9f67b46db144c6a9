package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.ActivateLease;
import io.alter8.api.lease.ApproveLease;
import io.alter8.api.lease.ConfirmLeaseActivation;
import io.alter8.api.lease.LapseRenewal;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseAgreementRecorded;
import io.alter8.api.lease.LeaseActivationRefused;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRejected;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseRentReviewed;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.LeaseTermsRevised;
import io.alter8.api.lease.OpenRenewal;
import io.alter8.api.lease.ProposeLease;
import io.alter8.api.lease.RecordLeaseAgreement;
import io.alter8.api.lease.RefuseLeaseActivation;
import io.alter8.api.lease.RejectLease;
import io.alter8.api.lease.RenewLease;
import io.alter8.api.lease.ReviseLeaseTerms;
import io.alter8.api.lease.SignLease;
import io.alter8.api.lease.TerminateLease;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.property.Lettings;
import io.alter8.command.user.UserRoles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static io.alter8.command.CommandArguments.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A lease of one unit, from proposal to its end: who is party to it, the terms, who agreed, who signed, and whether
 * it is in force. Its money is kept by two parts: {@link RentAccount} (the schedule of charges, payments, credit,
 * late fees) and {@link SecurityDeposit}; both start when the lease goes into force.
 * <p>
 * The owner's side — the property's owner, the lease's agent, the property's manager, admins — proposes, revises,
 * activates and terminates; only the owner (or an admin) approves and signs for it. Each tenant named in the lease
 * approves and signs for themself; a tenant who proposes a lease applies to rent the unit, of a listed property only.
 * The unit's occupancy is the property's: {@link LeaseOccupancy} takes it on activation, gives it back on termination.
 * <pre>
 * draft            → pending_approval (a first approval) → active (fully approved, signed, unit free) → terminated
 *                    (now, or on the date notice gave: {@link LeaseEnding}) or expired (after its end date)
 * activating       → requested, then confirmed (active) or refused (stays signed) by the leasing process
 * revising terms   → draft again, every approval lapses (until someone has signed); in force: a rent review
 *                    (the owner's side; dates and deposit stay; only charges not yet due change)
 * rejecting        → approval rejected: nothing moves it on
 * renewing         → active → renewed (by hand, or at its end date by its autoRenewal term): the leasing process
 *                    opens the renewal, which takes the unit over from it when it comes into force, with its deposit
 *                    (topped up or partly refunded when the renewal's terms ask another);
 *                    a renewal not in force when its start date comes is withdrawn (expired), and the renewed lease
 *                    expires after all
 * </pre>
 */
@Aggregate
class Lease {

    static final int MAX_TENANTS = 10;
    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private LeaseId id;
    /** Who is party to it and which unit: fixed at proposal. */
    private LeaseProposed proposal;
    private LeaseTerms terms;
    private LeaseStatus status;
    private LeaseApprovalStatus approvalStatus;
    private boolean ownerApproved;
    private final Set<UserId> tenantApprovals = new HashSet<>();
    private final Set<UserId> signatories = new HashSet<>();
    /** The lease this one renews, and the one that renews it; null when none. */
    private LeaseId renewedFrom;
    private LeaseId renewedBy;
    /** Who asked for the activation the leasing process is working on; null when none is. */
    private UserId activationRequestedBy;
    @AggregateMember
    private final RentAccount account = new RentAccount(this);
    @AggregateMember
    private final SecurityDeposit deposit = new SecurityDeposit(this);
    @AggregateMember
    private final LeaseEnding ending = new LeaseEnding(this);
    /** The signed agreement document and its version; null until one is fully signed. */
    private LeaseAgreementRecorded agreement;

    Lease() {
        // for Axon
    }

    /** Proposing the same lease again is a no-op, so a client may retry; with other content it is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ProposeLease command, Lettings lettings, UserRoles users) {
        Actor by = actor(command.requestedBy());
        if (command.propertyId() == null) {
            throw new DomainRuleViolation("missing-propertyId", "propertyId is required");
        }
        List<UserId> named = command.tenants();
        if (named.isEmpty() || named.size() > MAX_TENANTS
                || new LinkedHashSet<>(named).size() != named.size()) {
            throw new DomainRuleViolation("invalid-tenants", "a lease names 1 to 10 different tenants");
        }
        UserId primary = command.primaryTenant() == null ? named.get(0) : command.primaryTenant();
        if (!named.contains(primary)) {
            throw new DomainRuleViolation("invalid-primary-tenant", "the primary tenant is one of the tenants");
        }
        Lettings.LettableUnit unit = lettings.unitToLet(command.propertyId(), command.unitId());
        if (by.role() == Role.TENANT && !unit.listed()) {
            // Tenants apply to what is on the market; a private listing answers as an unknown one, as on the query
            // side, so applying does not tell whether it exists. Its owner may still propose a lease to them.
            throw new NotFound("no property " + command.propertyId());
        }
        boolean mayPropose = by.role().isAdmin()
                || by.role() == Role.OWNER && by.is(unit.ownerId())
                || by.role() == Role.AGENT && by.is(unit.agentId())
                || by.role() == Role.PROPERTY_MANAGER && by.is(unit.managerId())
                || by.role() == Role.TENANT && named.contains(by.userId());
        if (!mayPropose && !unit.listed()) {
            // Someone who is none of its people cannot see a private property: it answers as an unknown one.
            throw new NotFound("no property " + command.propertyId());
        }
        if (!mayPropose) {
            throw new NotPermitted(by.role() == Role.TENANT
                    ? "a tenant proposes only a lease they are a tenant of"
                    : "only the property's owner, agent or manager, or a tenant applying, proposes its lease");
        }
        if (named.contains(unit.ownerId())) {
            throw new DomainRuleViolation("owner-as-tenant", "the owner cannot be a tenant of their own property");
        }
        UserId agent = agentOf(by, command.agentId(), unit);
        LeaseTermsCheck.check(command.terms(), unit.currency());
        LeaseProposed proposed = new LeaseProposed(command.leaseId(), unit.propertyId(), unit.unitId(),
                                                   unit.ownerId(), agent, unit.managerId(), named, primary,
                                                   command.terms(), by.userId());
        if (proposal != null) {
            if (proposal.equals(proposed)) {
                return;
            }
            throw new DomainRuleViolation("lease-already-proposed", "lease " + id + " exists with other content");
        }
        for (UserId tenant : named) {
            if (!by.is(tenant) && !users.isActive(tenant, Role.TENANT)) {
                throw new DomainRuleViolation("not-a-tenant", "every tenant must be an active tenant: " + tenant);
            }
        }
        if (command.agentId() != null && !users.isActive(command.agentId(), Role.AGENT)) {
            throw new DomainRuleViolation("not-an-agent", "agentId must name an active agent");
        }
        apply(proposed);
    }

    @CommandHandler
    void handle(ReviseLeaseTerms command) {
        Actor by = actor(command.requestedBy());
        if (!isOwnerSide(by) && !isTenant(by)) {
            throw notAParty();
        }
        if (status == LeaseStatus.ACTIVE) {
            reviewRent(command, by);
            return;
        }
        requireNegotiable();
        if (!signatories.isEmpty()) {
            throw new DomainRuleViolation("lease-signed", "a lease someone has signed cannot be revised");
        }
        LeaseTermsCheck.check(command.terms(), terms.monthlyRent().currency());
        if (command.terms().equals(terms)) {
            return;
        }
        apply(new LeaseTermsRevised(id, command.terms(), by.userId()));
    }

    @CommandHandler
    void handle(ApproveLease command) {
        Actor by = actor(command.requestedBy());
        LeaseParty party = approvingParty(by);
        requireNegotiable();
        if (party == LeaseParty.OWNER ? ownerApproved : tenantApprovals.contains(by.userId())) {
            return;
        }
        boolean owner = ownerApproved || party == LeaseParty.OWNER;
        Set<UserId> approvedTenants = new HashSet<>(tenantApprovals);
        if (party == LeaseParty.TENANT) {
            approvedTenants.add(by.userId());
        }
        boolean allTenants = approvedTenants.containsAll(proposal.tenants());
        LeaseApprovalStatus next = owner && allTenants ? LeaseApprovalStatus.FULLY_APPROVED
                : owner ? LeaseApprovalStatus.OWNER_APPROVED
                : allTenants ? LeaseApprovalStatus.TENANT_APPROVED
                : LeaseApprovalStatus.PENDING;
        apply(new LeaseApproved(id, proposal.propertyId(), proposal.unitId(), party, by.userId(), next,
                                LeaseStatus.PENDING_APPROVAL));
    }

    @CommandHandler
    void handle(RejectLease command) {
        Actor by = actor(command.requestedBy());
        LeaseParty party = isTenant(by) ? LeaseParty.TENANT : isOwnerSide(by) ? LeaseParty.OWNER : null;
        if (party == null) {
            throw notAParty();
        }
        if (approvalStatus == LeaseApprovalStatus.REJECTED) {
            return;
        }
        if (activationRequestedBy != null) {
            // The unit may already be the lease's: the process decides first, then the lease is in force or not.
            throw new DomainRuleViolation("lease-activating", "the lease is being put into force");
        }
        requireNegotiable();
        String reason = reason(command.reason());
        apply(new LeaseRejected(id, party, by.userId(), reason));
    }

    @CommandHandler
    void handle(SignLease command) {
        Actor by = actor(command.requestedBy());
        LeaseParty as = required(command.as(), "as");
        boolean entitled = switch (as) {
            case OWNER -> by.is(proposal.ownerId());
            case TENANT -> isTenant(by);
            case WITNESS -> !by.is(proposal.ownerId()) && !isTenant(by)
                    && (by.role().isAdmin() || by.is(proposal.agentId()) || by.is(proposal.managerId()));
        };
        if (!entitled) {
            throw new NotPermitted(switch (as) {
                case OWNER -> "only the owner signs for the owner";
                case TENANT -> "only the lease's tenants sign as tenants";
                case WITNESS -> "the lease's agent, the property's manager or an admin witnesses, not a party";
            });
        }
        if (status != LeaseStatus.PENDING_APPROVAL || approvalStatus != LeaseApprovalStatus.FULLY_APPROVED) {
            throw new DomainRuleViolation("lease-not-approved", "only a fully approved lease that is not in force "
                    + "yet is signed");
        }
        String signature = required(text(command.signatureUrl()), "signatureUrl");
        if (signatories.contains(by.userId())) {
            return;
        }
        Set<UserId> signed = new HashSet<>(signatories);
        signed.add(by.userId());
        apply(new LeaseSigned(id, as, by.userId(), signature, text(command.agreementUrl()), signedByAll(signed)));
    }

    /** Asks the leasing process for the unit; asking again while it works on it changes nothing. */
    @CommandHandler
    void handle(ActivateLease command) {
        Actor by = actor(command.requestedBy());
        if (!isOwnerSide(by)) {
            throw new NotPermitted("only the owner's side puts a lease into force");
        }
        if (status == LeaseStatus.ACTIVE || activationRequestedBy != null) {
            return;
        }
        if (status != LeaseStatus.PENDING_APPROVAL || approvalStatus != LeaseApprovalStatus.FULLY_APPROVED) {
            throw new DomainRuleViolation("lease-not-approved", "the owner and every tenant must approve first");
        }
        if (!signedByAll(signatories)) {
            throw new DomainRuleViolation("lease-not-signed", "the owner and every tenant must sign first");
        }
        if (terms.endDate().isBefore(today())) {
            throw new DomainRuleViolation("lease-ended", "the lease's end date has passed");
        }
        apply(new LeaseActivationRequested(id, proposal.propertyId(), proposal.unitId(), proposal.tenants(),
                                           by.userId(), renewedFrom));
    }

    /**
     * From the leasing process: the unit is the lease's. A repeat (redelivery) changes nothing, also once the lease
     * has been renewed since: it keeps the unit until its renewal takes it over, so the process must not give it back.
     */
    @CommandHandler
    void handle(ConfirmLeaseActivation command) {
        if (status == LeaseStatus.ACTIVE || status == LeaseStatus.RENEWED) {
            return;
        }
        if (activationRequestedBy == null) {
            throw new DomainRuleViolation("activation-not-requested", "no activation of this lease is under way");
        }
        UserId by = activationRequestedBy;
        apply(new LeaseActivated(id, proposal.propertyId(), proposal.unitId(), proposal.tenants(), by));
        if (renewedFrom == null) {
            deposit.hold();
        } else {
            deposit.carryOver(renewedFrom, proposal.renewedDeposit(), by);
        }
        account.putInForce();
    }

    /** From the leasing process: the property would not let the unit. The lease stays signed, to be tried again. */
    @CommandHandler
    void handle(RefuseLeaseActivation command) {
        if (activationRequestedBy == null) {
            return;
        }
        apply(new LeaseActivationRefused(id, proposal.propertyId(), proposal.unitId(),
                                         required(text(command.reason()), "reason"), text(command.detail())));
    }

    @CommandHandler
    void handle(TerminateLease command) {
        Actor by = actor(command.requestedBy());
        if (!isOwnerSide(by) && !isTenant(by)) {
            throw notAParty();
        }
        if (status == LeaseStatus.TERMINATED) {
            return;
        }
        if (status != LeaseStatus.ACTIVE) {
            throw new DomainRuleViolation("lease-not-active", "only a lease in force is terminated");
        }
        LocalDate date = required(command.terminationDate(), "terminationDate");
        if (date.isBefore(terms.startDate()) || date.isAfter(today())) {
            throw new DomainRuleViolation("invalid-terminationDate",
                                          "the termination date falls between the start date and today");
        }
        if (command.noticeDate() != null && command.noticeDate().isAfter(date)) {
            throw new DomainRuleViolation("invalid-noticeDate", "notice is given on or before the termination date");
        }
        if (command.earlyTerminationPenalty() != null) {
            LeaseTermsCheck.inCurrency(command.earlyTerminationPenalty(), "earlyTerminationPenalty",
                                       terms.monthlyRent().currency());
        }
        String reason = reason(command.reason());
        apply(new LeaseTerminated(id, proposal.propertyId(), proposal.unitId(), date, reason, command.noticeDate(),
                                  command.earlyTerminationPenalty(), by.userId()));
        ended();
    }

    /**
     * A renewal by hand: the owner, the property's manager or an admin offers new terms from the day after the end
     * date, to the same tenants. Only a lease in force without notice is renewed, once.
     */
    @CommandHandler
    void handle(RenewLease command) {
        Actor by = actor(command.requestedBy());
        if (!isOwnerOrManager(by)) {
            throw new NotPermitted("the owner, the property's manager or an admin renews a lease");
        }
        LeaseId renewal = required(command.renewalId(), "renewalId");
        LeaseTerms offered = required(command.terms(), "terms");
        if (status == LeaseStatus.RENEWED) {
            if (renewal.equals(renewedBy)) {
                return;
            }
            throw new DomainRuleViolation("lease-renewed", "the lease was renewed already, by lease " + renewedBy);
        }
        if (status != LeaseStatus.ACTIVE) {
            throw new DomainRuleViolation("lease-not-active", "only a lease in force is renewed");
        }
        if (ending.noticeGiven()) {
            throw new DomainRuleViolation("notice-given", "notice was given: the lease ends instead");
        }
        // The deposit may change (at most 12 months' rent, never negative): the renewal carries this lease's over
        // and tops it up, or refunds the difference, when it goes into force.
        LeaseTermsCheck.check(offered, terms.monthlyRent().currency());
        if (!offered.startDate().equals(terms.endDate().plusDays(1))) {
            throw new DomainRuleViolation("invalid-startDate", "a renewal starts the day after the lease's end date, "
                    + terms.endDate().plusDays(1));
        }
        apply(renewal(renewal, offered, false, by.userId()));
    }

    /**
     * Renews the lease by its autoRenewal term, at its end date: for as long again, at the rent the schedule's
     * escalation gives the next year. Its id follows from this lease's, so a repeat could only open the same one.
     */
    void renewAutomatically() {
        LeaseId renewal = new LeaseId(UUID.nameUUIDFromBytes(("renewal of " + id).getBytes(StandardCharsets.UTF_8)));
        apply(renewal(renewal, RentSchedule.renewalTerms(terms), true, null));
    }

    private LeaseRenewed renewal(LeaseId renewal, LeaseTerms renewed, boolean automatic, UserId by) {
        return new LeaseRenewed(id, proposal.propertyId(), proposal.unitId(), renewal, proposal.ownerId(),
                                proposal.agentId(), proposal.managerId(), proposal.tenants(),
                                proposal.primaryTenant(), renewed, automatic, by,
                                deposit.heldOr(terms.securityDeposit()));
    }

    /**
     * From the leasing process: the renewal opens with the renewed lease's parties. By hand, it is a proposal its
     * tenants approve and sign; automatically, it asks at once for the unit (its tenants agreed to that in the
     * terms they signed). Again for the same renewal, nothing changes.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenRenewal command) {
        LeaseRenewed renewal = required(command.renewal(), "renewal");
        if (proposal != null) {
            if (renewal.leaseId().equals(renewedFrom)) {
                return;
            }
            throw new DomainRuleViolation("lease-already-proposed", "lease " + id + " exists with other content");
        }
        UserId by = renewal.automatic() ? renewal.ownerId() : renewal.requestedBy();
        apply(new LeaseProposed(command.leaseId(), renewal.propertyId(), renewal.unitId(), renewal.ownerId(),
                                renewal.agentId(), renewal.managerId(), renewal.tenants(), renewal.primaryTenant(),
                                renewal.terms(), by, renewal.leaseId(), renewal.depositHeld()));
        if (renewal.automatic()) {
            apply(new LeaseActivationRequested(command.leaseId(), renewal.propertyId(), renewal.unitId(),
                                               renewal.tenants(), by, renewal.leaseId()));
        }
    }

    /**
     * A renewal is withdrawn when its start date has come (the renewed lease's end date has passed) and it is not in
     * force, nor on its way there: never fully approved and signed, rejected, or refused its unit. The renewed lease
     * then expires after all ({@link LapseRenewal}).
     */
    void withdrawUnlessInForce(LocalDate asOf) {
        boolean open = status == LeaseStatus.DRAFT || status == LeaseStatus.PENDING_APPROVAL;
        if (renewedFrom != null && open && activationRequestedBy == null && !terms.startDate().isAfter(asOf)) {
            apply(new LeaseRenewalWithdrawn(id, renewedFrom, proposal.propertyId(), proposal.unitId(), asOf));
        }
    }

    /** From the leasing process: the renewal was withdrawn, so this lease expires at its end date after all. */
    @CommandHandler
    void handle(LapseRenewal command) {
        if (status == LeaseStatus.RENEWED && required(command.renewalId(), "renewalId").equals(renewedBy)) {
            apply(new LeaseExpired(id, proposal.propertyId(), proposal.unitId(), terms.endDate()));
        }
    }

    /** The lease was terminated: its schedule ends on the termination date. */
    void ended() {
        account.end();
    }

    /**
     * A rent review of a lease in force, by the owner's side: the new terms keep the dates (the schedule's periods)
     * and the deposit (held already); the charges due after today follow them.
     */
    private void reviewRent(ReviseLeaseTerms command, Actor by) {
        if (!isOwnerSide(by)) {
            throw new NotPermitted("the owner's side reviews the rent of a lease in force");
        }
        LeaseTerms revised = command.terms();
        LeaseTermsCheck.check(revised, terms.monthlyRent().currency());
        if (!revised.startDate().equals(terms.startDate()) || !revised.endDate().equals(terms.endDate())
                || !revised.securityDeposit().equals(terms.securityDeposit())) {
            throw new DomainRuleViolation("terms-in-force", "a rent review keeps the lease's dates and deposit");
        }
        if (revised.equals(terms)) {
            return;
        }
        LocalDate today = today();
        apply(new LeaseRentReviewed(id, revised, today, by.userId()));
        account.reviewRent(today);
    }

    // ------------------------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(LeaseProposed event) {
        id = event.leaseId();
        proposal = event;
        renewedFrom = event.renewedFrom();
        terms = event.terms();
        status = LeaseStatus.DRAFT;
        approvalStatus = LeaseApprovalStatus.PENDING;
    }

    @EventSourcingHandler
    void on(LeaseTermsRevised event) {
        terms = event.terms();
        status = LeaseStatus.DRAFT;
        approvalStatus = LeaseApprovalStatus.PENDING;
        ownerApproved = false;
        tenantApprovals.clear();
    }

    @EventSourcingHandler
    void on(LeaseRentReviewed event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(LeaseApproved event) {
        if (event.party() == LeaseParty.OWNER) {
            ownerApproved = true;
        } else {
            tenantApprovals.add(event.approvedBy());
        }
        approvalStatus = event.approvalStatus();
        status = event.status();
    }

    @EventSourcingHandler
    void on(LeaseRejected event) {
        approvalStatus = LeaseApprovalStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(LeaseSigned event) {
        signatories.add(event.signedBy());
    }

    @EventSourcingHandler
    void on(LeaseActivationRequested event) {
        activationRequestedBy = event.requestedBy();
    }

    @EventSourcingHandler
    void on(LeaseActivationRefused event) {
        activationRequestedBy = null;
    }

    @EventSourcingHandler
    void on(LeaseActivated event) {
        status = LeaseStatus.ACTIVE;
        activationRequestedBy = null;
    }

    @EventSourcingHandler
    void on(LeaseTerminated event) {
        status = LeaseStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(LeaseRenewed event) {
        status = LeaseStatus.RENEWED;
        renewedBy = event.renewedBy();
    }

    @EventSourcingHandler
    void on(LeaseExpired event) {
        status = LeaseStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(LeaseRenewalWithdrawn event) {
        status = LeaseStatus.EXPIRED;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * The lease's agent acts for the owner (revises terms, puts the lease into force), so it is the property's
     * listing agent unless the owner or an admin names another: an applicant naming one would choose who
     * negotiates against them.
     */
    private static UserId agentOf(Actor by, UserId named, Lettings.LettableUnit unit) {
        if (named == null || named.equals(unit.agentId())) {
            return unit.agentId();
        }
        if (!(by.is(unit.ownerId()) || by.role().isAdmin())) {
            throw new NotPermitted("only the owner or an admin names an agent other than the listing agent");
        }
        return named;
    }

    LeaseId id() {
        return id;
    }

    PropertyId propertyId() {
        return proposal.propertyId();
    }

    UnitId unitId() {
        return proposal.unitId();
    }

    LeaseTerms terms() {
        return terms;
    }

    LeaseStatus status() {
        return status;
    }

    /** Who records payments and waives fees: the owner, the property's manager, or an admin (not the agent). */
    boolean isOwnerOrManager(Actor by) {
        return by.role().isAdmin() || by.is(proposal.ownerId()) || by.is(proposal.managerId());
    }

    /** The owner, the lease's agent, the property's manager, or an admin. */
    boolean isOwnerSide(Actor by) {
        return by.role().isAdmin() || by.is(proposal.ownerId()) || by.is(proposal.agentId())
                || by.is(proposal.managerId());
    }

    /** Whether the owner and every tenant are among {@code signed}. */
    private boolean signedByAll(Set<UserId> signed) {
        return signed.contains(proposal.ownerId()) && signed.containsAll(proposal.tenants());
    }

    boolean isTenant(Actor by) {
        return proposal.tenants().contains(by.userId());
    }

    /** Tenants approve for themselves; the owner or an admin for the owner. */
    private LeaseParty approvingParty(Actor by) {
        if (isTenant(by)) {
            return LeaseParty.TENANT;
        }
        if (by.is(proposal.ownerId()) || by.role().isAdmin()) {
            return LeaseParty.OWNER;
        }
        throw new NotPermitted(isOwnerSide(by) ? "only the owner or an admin approves for the owner"
                                               : "only the lease's parties act on it");
    }

    private void requireNegotiable() {
        if (approvalStatus == LeaseApprovalStatus.REJECTED) {
            throw new DomainRuleViolation("lease-rejected", "the lease was rejected");
        }
        if (status != LeaseStatus.DRAFT && status != LeaseStatus.PENDING_APPROVAL) {
            throw new DomainRuleViolation("lease-" + status.wire().replace('_', '-'),
                                          "the lease is " + status.wire().replace('_', ' ') + ": its terms are settled");
        }
    }

    /** Free text of at most 2000 characters, blank as absent. */
    static String reason(String given) {
        String reason = text(given);
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new DomainRuleViolation("invalid-reason", "the reason has at most 2000 characters");
        }
        return reason;
    }

    /** A lease agreement document its parties all signed becomes its agreement; the same one again changes nothing. */
    @CommandHandler
    void handle(RecordLeaseAgreement command) {
        LeaseAgreementRecorded recorded = new LeaseAgreementRecorded(id, required(command.documentId(), "documentId"),
                                                                     command.version());
        if (recorded.equals(agreement)) {
            return;
        }
        apply(recorded);
    }

    @EventSourcingHandler
    void on(LeaseAgreementRecorded event) {
        agreement = event;
    }

    /** Who is party to it and which unit, as proposed; its documents take their people from it. */
    LeaseProposed proposal() {
        return proposal;
    }

    private static NotPermitted notAParty() {
        return new NotPermitted("only the lease's parties act on it");
    }
}
