package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
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
 * renewed lease held, which that lease then never settles, and holds the top-up when its terms ask more, or refunds
 * the difference when they ask less); once it has ended (move-out), the owner, the property's manager or an admin
 * deduct from it with reasons, then refund the rest, once. Nothing is deducted after the refund, and never more is
 * taken out than is held.
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
     * The renewal went into force: the deposit the renewed lease held ({@code carried}; null when the renewal was
     * stored before a deposit could change, then its own terms' amount) is its own, and no second one is held. When
     * its terms ask more, the top-up is held like any deposit; when less, the difference is refunded like the
     * deposit at move-out, on behalf of {@code by}, who put the renewal into force.
     */
    void carryOver(LeaseId from, Money carried, UserId by) {
        Money asked = lease.terms().securityDeposit();
        Money passed = carried == null ? asked : carried;
        apply(new SecurityDepositCarriedOver(lease.id(), from, passed));
        if (asked.minus(passed).isPositive()) {
            apply(new SecurityDepositHeld(lease.id(), asked.minus(passed)));
        } else if (passed.minus(asked).isPositive()) {
            apply(new SecurityDepositRefunded(lease.id(), passed.minus(asked), "lower deposit on renewal of lease "
                    + from, by));
        }
    }

    /** What is still held, or {@code otherwise} when nothing was ever recorded (leases in force before deposits). */
    Money heldOr(Money otherwise) {
        return held == null ? otherwise : held;
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

    /** The deposit on activation, or a renewal's top-up on top of what it carried over. */
    @EventSourcingHandler
    void on(SecurityDepositHeld event) {
        held = held == null ? event.amount() : held.plus(event.amount());
    }

    @EventSourcingHandler
    void on(SecurityDepositCarriedOver event) {
        held = event.amount();
    }

    @EventSourcingHandler
    void on(SecurityDepositDeducted event) {
        held = held.minus(event.amount());
    }

    /**
     * A refund while the lease is in force can only be a renewal's lower deposit (a refund at move-out needs the lease
     * ended): the rest stays held and is settled at the end.
     */
    @EventSourcingHandler
    void on(SecurityDepositRefunded event) {
        held = held.minus(event.amount());
        refunded = lease.status() != LeaseStatus.ACTIVE;
    }
}
