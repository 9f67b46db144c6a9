package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.lease.DeductFromDeposit;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.RefundDeposit;
import io.alter8.api.lease.SecurityDepositCarriedOver;
import io.alter8.api.lease.SecurityDepositDeducted;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The security deposit of a {@link Lease}: held when the lease goes into force (a renewal carries over the one the
 * renewed lease held, which that lease then never settles); once it has ended (move-out), the
 * owner, the property's manager or an admin deduct from it with reasons, then refund the rest, once. Nothing is
 * deducted after the refund.
 */
class SecurityDeposit {

    private final Lease lease;
    /** What is still held; null until the lease is in force. */
    private Money held;
    private boolean refunded;

    SecurityDeposit(Lease lease) {
        this.lease = lease;
    }

    @CommandHandler
    void handle(DeductFromDeposit command) {
        Actor by = requireMoveOut(command.requestedBy());
        Money amount = required(command.amount(), "amount");
        LeaseTermsCheck.inCurrency(amount, "amount", held.currency());
        if (!amount.isPositive()) {
            throw new DomainRuleViolation("invalid-amount", "a deduction is more than zero");
        }
        if (refunded) {
            throw new DomainRuleViolation("deposit-refunded", "the deposit was refunded");
        }
        if (amount.minus(held).isPositive()) {
            throw new DomainRuleViolation("deduction-too-high", "at most " + held + " of the deposit is still held");
        }
        String reason = required(Lease.reason(command.reason()), "reason");
        apply(new SecurityDepositDeducted(lease.id(), amount, reason, by.userId()));
    }

    @CommandHandler
    void handle(RefundDeposit command) {
        Actor by = requireMoveOut(command.requestedBy());
        if (refunded) {
            return;
        }
        apply(new SecurityDepositRefunded(lease.id(), held, RentAccount.limited(command.reference(), "reference"),
                                          by.userId()));
    }

    /** The lease went into force: what its terms ask is held. */
    void hold() {
        apply(new SecurityDepositHeld(lease.id(), lease.terms().securityDeposit()));
    }

    /**
     * The renewal went into force: the renewed lease's deposit is its own, the same amount (a renewal's terms keep
     * it), and no second deposit is held.
     */
    void carryOver(LeaseId from) {
        apply(new SecurityDepositCarriedOver(lease.id(), from, lease.terms().securityDeposit()));
    }

    private Actor requireMoveOut(Actor given) {
        Actor by = actor(given);
        if (!lease.isOwnerOrManager(by)) {
            throw new NotPermitted("the owner, the property's manager or an admin settles the deposit");
        }
        if (held == null) {
            throw new DomainRuleViolation("deposit-not-held", "the lease was never in force: no deposit is held");
        }
        if (lease.status() == LeaseStatus.ACTIVE) {
            throw new DomainRuleViolation("lease-active", "the deposit is settled once the lease has ended");
        }
        if (lease.status() == LeaseStatus.RENEWED) {
            // Unless the renewal is withdrawn (then this lease expires), the deposit passes to it.
            throw new DomainRuleViolation("deposit-carried-over", "the lease was renewed: its deposit passes to the "
                    + "renewal and is settled when that ends");
        }
        return by;
    }

    @EventSourcingHandler
    void on(SecurityDepositHeld event) {
        held = event.amount();
    }

    @EventSourcingHandler
    void on(SecurityDepositCarriedOver event) {
        held = event.amount();
    }

    @EventSourcingHandler
    void on(SecurityDepositDeducted event) {
        held = held.minus(event.amount());
    }

    @EventSourcingHandler
    void on(SecurityDepositRefunded event) {
        held = held.minus(event.amount());
        refunded = true;
    }
}
