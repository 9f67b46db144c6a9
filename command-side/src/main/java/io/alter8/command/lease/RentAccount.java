package io.alter8.command.lease;

import io.alter8.api.common.Money;
import io.alter8.api.lease.AddRecurringCharge;
import io.alter8.api.lease.AssessRentAccount;
import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.RecordPayment;
import io.alter8.api.lease.RecurringCharge;
import io.alter8.api.lease.RecurringChargeAdded;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.WaiveLateFee;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.now;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static io.alter8.command.CommandArguments.today;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The money side of a {@link Lease} in force: its schedule of charges ({@link RentSchedule}), payments, the credit
 * they leave, late fees and their waivers.
 * <p>
 * A payment first becomes credit; credit pays the charges already due, oldest due first ({@link CreditAllocated}), at
 * the payment and at each daily assessment, so an overpayment waits as credit for the next charge to fall due. A
 * charge still open after its due date plus the grace days gets one late fee, never a second (waived or not). A
 * charge that comes to owe less than was paid on it gives the difference back to the credit ({@link ChargeOverpaid}).
 * So the balance — charges and fees minus payments — always equals the open amounts minus the credit.
 */
class RentAccount {

    static final int MAX_TEXT_LENGTH = 200;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Lease lease;
    private final TreeMap<Integer, Charge> charges = new TreeMap<>();
    private final Map<UUID, PaymentRecorded> payments = new HashMap<>();
    private final Set<String> gatewayTransactions = new HashSet<>();
    private final Map<UUID, Integer> lateFees = new HashMap<>();
    private final List<RecurringCharge> recurring = new ArrayList<>();
    private final List<RentSchedule.OneOff> oneOffs = new ArrayList<>();
    /** The lease's last day: its end date, or the day a termination ended it; null until it is in force. */
    private LocalDate lastDay;
    private Money credit;

    RentAccount(Lease lease) {
        this.lease = lease;
    }

    /** One charge as it stands: what it asks, what was paid on it, its late fee (zero when none or waived). */
    private record Charge(RentChargeScheduled scheduled, Money paid, Money lateFee, boolean hasHadFee) {

        Money owed() {
            return scheduled.amountDue().plus(lateFee);
        }

        Money open() {
            return owed().minus(paid);
        }

        Charge paying(Money amount) {
            return new Charge(scheduled, paid.plus(amount), lateFee, hasHadFee);
        }

        Charge withFee(Money fee) {
            return new Charge(scheduled, paid, fee, true);
        }
    }

    @CommandHandler
    void handle(RecordPayment command) {
        Actor by = actor(command.requestedBy());
        if (!lease.isTenant(by) && !lease.isOwnerOrManager(by)) {
            throw new NotPermitted("a tenant pays their own lease; the owner, its manager or an admin record payments");
        }
        requireInForce();
        UUID paymentId = required(command.paymentId(), "paymentId");
        Money amount = required(command.amount(), "amount");
        LeaseTermsCheck.inCurrency(amount, "amount", credit.currency());
        if (!amount.isPositive()) {
            throw new DomainRuleViolation("invalid-amount", "a payment is more than zero");
        }
        if (required(command.paidAt(), "paidAt").isAfter(now())) {
            throw new DomainRuleViolation("invalid-paidAt", "a payment is recorded once it is made");
        }
        PaymentRecorded payment = new PaymentRecorded(lease.id(), paymentId, lease.propertyId(), amount,
                                                      required(command.method(), "method"), command.paidAt(),
                                                      limited(command.gatewayId(), "gatewayId"),
                                                      limited(command.gatewayTransactionId(), "gatewayTransactionId"),
                                                      limited(command.reference(), "reference"), by.userId());
        PaymentRecorded earlier = payments.get(paymentId);
        if (earlier != null) {
            if (earlier.equals(payment)) {
                return;
            }
            throw new DomainRuleViolation("payment-exists",
                                          "payment " + paymentId + " was recorded with other details");
        }
        if (payment.gatewayTransactionId() != null && gatewayTransactions.contains(payment.gatewayTransactionId())) {
            return;
        }
        apply(payment);
        settle(today());
    }

    /** Idempotent by construction: credit already given and fees already applied are not given or applied again. */
    @CommandHandler
    void handle(AssessRentAccount command) {
        if (lastDay == null) {
            return;
        }
        LocalDate asOf = required(command.asOf(), "asOf");
        if (charges.isEmpty()) {
            // Put into force before schedules existed: its schedule comes now, whole.
            reschedule(charge -> true);
        }
        settle(asOf);
        LateFeeRule rule = lease.terms().lateFee();
        if (rule == null) {
            return;
        }
        for (Charge charge : byDueDate()) {
            LocalDate due = charge.scheduled().dueDate();
            if (!charge.hasHadFee() && charge.open().isPositive() && due.plusDays(rule.graceDays()).isBefore(asOf)) {
                Money fee = lateFee(rule, charge.scheduled().rent());
                if (fee.isPositive()) {
                    int number = charge.scheduled().chargeNumber();
                    apply(new LateFeeApplied(lease.id(), lateFeeId(number), lease.propertyId(), number, fee,
                                             (int) ChronoUnit.DAYS.between(due, asOf), asOf));
                }
            }
        }
    }

    @CommandHandler
    void handle(WaiveLateFee command) {
        Actor by = actor(command.requestedBy());
        if (!lease.isOwnerOrManager(by)) {
            throw new NotPermitted("the owner, the property's manager or an admin waives a late fee");
        }
        Integer number = lateFees.get(required(command.lateFeeId(), "lateFeeId"));
        if (number == null) {
            throw new NotFound("no late fee " + command.lateFeeId() + " on this lease");
        }
        Money fee = charges.get(number).lateFee();
        if (!fee.isPositive()) {
            return;
        }
        String reason = required(Lease.reason(command.reason()), "reason");
        apply(new LateFeeWaived(lease.id(), command.lateFeeId(), number, fee, reason, by.userId()));
        settle(today());
    }

    @CommandHandler
    void handle(AddRecurringCharge command) {
        Actor by = actor(command.requestedBy());
        if (!lease.isOwnerOrManager(by)) {
            throw new NotPermitted("the owner, the property's manager or an admin add charges to a lease");
        }
        if (lease.status() != LeaseStatus.ACTIVE) {
            throw new DomainRuleViolation("lease-not-active", "charges are added to a lease in force");
        }
        RecurringCharge charge = required(command.charge(), "charge");
        RecurringCharge given = new RecurringCharge(
                required(charge.id(), "id"), required(charge.type(), "type"), required(charge.amount(), "amount"),
                required(charge.frequency(), "frequency"), charge.dayOfMonth(), required(charge.startDate(),
                                                                                          "startDate"),
                charge.endDate(), Lease.reason(charge.description()));
        LeaseTermsCheck.inCurrency(given.amount(), "amount", credit.currency());
        if (!given.amount().isPositive()) {
            throw new DomainRuleViolation("invalid-amount", "a recurring charge is more than zero");
        }
        if (given.dayOfMonth() < 1 || given.dayOfMonth() > 31) {
            throw new DomainRuleViolation("invalid-dayOfMonth", "the day of the month is 1 to 31");
        }
        if (given.endDate() != null && given.endDate().isBefore(given.startDate())) {
            throw new DomainRuleViolation("invalid-endDate", "a recurring charge ends on or after its start");
        }
        for (RecurringCharge existing : recurring) {
            if (existing.id().equals(given.id())) {
                if (existing.equals(given)) {
                    return;
                }
                throw new DomainRuleViolation("charge-exists", "recurring charge " + given.id() + " has other details");
            }
        }
        apply(new RecurringChargeAdded(lease.id(), given, by.userId()));
        LocalDate today = today();
        reschedule(notYetDue(today));
        settle(today);
    }

    // ---------------------------------------------------------------------------------- asked by the root

    /** The lease is in force: its whole schedule exists. */
    void putInForce() {
        reschedule(charge -> true);
        settle(today());
    }

    /** A rent review: charges not yet due follow the new terms. */
    void reviewRent(LocalDate today) {
        reschedule(notYetDue(today));
        settle(today);
    }

    /** The lease ended on {@link #lastDay}: the last period ends there, the ones after it go, a penalty joins. */
    void end() {
        reschedule(charge -> true);
        settle(today());
    }

    // -------------------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(LeaseActivated event) {
        lastDay = lease.terms().endDate();
        credit = Money.zero(lease.terms().monthlyRent().currency());
    }

    @EventSourcingHandler
    void on(LeaseTerminated event) {
        if (lastDay == null) {
            return;
        }
        lastDay = event.terminationDate();
        if (event.earlyTerminationPenalty() != null && event.earlyTerminationPenalty().isPositive()) {
            oneOffs.add(new RentSchedule.OneOff(event.terminationDate(), event.earlyTerminationPenalty()));
        }
    }

    @EventSourcingHandler
    void on(RentChargeScheduled event) {
        Money none = Money.zero(event.amountDue().currency());
        Charge charge = charges.get(event.chargeNumber());
        charges.put(event.chargeNumber(), charge == null ? new Charge(event, none, none, false)
                                                         : new Charge(event, charge.paid(), charge.lateFee(),
                                                                      charge.hasHadFee()));
    }

    @EventSourcingHandler
    void on(RentChargeCancelled event) {
        charges.remove(event.chargeNumber());
    }

    @EventSourcingHandler
    void on(PaymentRecorded event) {
        payments.put(event.paymentId(), event);
        if (event.gatewayTransactionId() != null) {
            gatewayTransactions.add(event.gatewayTransactionId());
        }
        credit = credit.plus(event.amount());
    }

    @EventSourcingHandler
    void on(CreditAllocated event) {
        charges.computeIfPresent(event.chargeNumber(), (number, charge) -> charge.paying(event.amount()));
        credit = credit.minus(event.amount());
    }

    @EventSourcingHandler
    void on(ChargeOverpaid event) {
        charges.computeIfPresent(event.chargeNumber(), (number, charge) -> charge.paying(
                Money.zero(event.amount().currency()).minus(event.amount())));
        credit = credit.plus(event.amount());
    }

    @EventSourcingHandler
    void on(LateFeeApplied event) {
        charges.computeIfPresent(event.chargeNumber(), (number, charge) -> charge.withFee(event.amount()));
        lateFees.put(event.lateFeeId(), event.chargeNumber());
    }

    @EventSourcingHandler
    void on(LateFeeWaived event) {
        charges.computeIfPresent(event.chargeNumber(), (number, charge) ->
                charge.withFee(Money.zero(event.amount().currency())));
    }

    @EventSourcingHandler
    void on(RecurringChargeAdded event) {
        recurring.add(event.charge());
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Brings the charges to what the schedule now computes, changing only those {@code mayChange} admits: a changed
     * or new period is scheduled again, a period beyond the end is cancelled after what was paid on it returned to
     * the credit.
     */
    private void reschedule(Predicate<RentSchedule.Charge> mayChange) {
        List<RentSchedule.Charge> wanted = RentSchedule.of(lease.terms(), lastDay, recurring, oneOffs);
        Set<Integer> numbers = new HashSet<>();
        for (RentSchedule.Charge charge : wanted) {
            numbers.add(charge.number());
            RentChargeScheduled event = new RentChargeScheduled(
                    lease.id(), lease.propertyId(), charge.number(), charge.periodStart(), charge.periodEnd(),
                    charge.dueDate(), charge.rent(), charge.maintenance(), charge.otherCharges(), charge.amountDue());
            Charge current = charges.get(charge.number());
            if ((current == null || !current.scheduled().equals(event)) && mayChange.test(charge)) {
                apply(event);
            }
        }
        for (Charge charge : List.copyOf(charges.values())) {
            int number = charge.scheduled().chargeNumber();
            if (!numbers.contains(number)) {
                if (charge.paid().isPositive()) {
                    apply(new ChargeOverpaid(lease.id(), number, charge.paid()));
                }
                apply(new RentChargeCancelled(lease.id(), number));
            }
        }
    }

    /** Gives back what charges were overpaid, then pays the charges due by {@code asOf} from the credit. */
    private void settle(LocalDate asOf) {
        for (Charge charge : byDueDate()) {
            if (charge.open().isNegative()) {
                apply(new ChargeOverpaid(lease.id(), charge.scheduled().chargeNumber(),
                                         charge.paid().minus(charge.owed())));
            }
        }
        for (Charge charge : byDueDate()) {
            if (!credit.isPositive()) {
                return;
            }
            if (!charge.scheduled().dueDate().isAfter(asOf) && charge.open().isPositive()) {
                apply(new CreditAllocated(lease.id(), charge.scheduled().chargeNumber(), credit.min(charge.open())));
            }
        }
    }

    private List<Charge> byDueDate() {
        return charges.values().stream()
                      .sorted(Comparator.comparing((Charge c) -> c.scheduled().dueDate())
                                        .thenComparing(c -> c.scheduled().chargeNumber()))
                      .toList();
    }

    /** A charge not yet due, before and after: a rent review or a new charge leaves charges already due alone. */
    private Predicate<RentSchedule.Charge> notYetDue(LocalDate today) {
        return wanted -> {
            Charge current = charges.get(wanted.number());
            return wanted.dueDate().isAfter(today)
                    && (current == null || current.scheduled().dueDate().isAfter(today));
        };
    }

    private void requireInForce() {
        if (lastDay == null) {
            throw new DomainRuleViolation("lease-not-active", "payments are recorded on a lease put into force");
        }
    }

    /** Flat, or a percentage of the charge's rent rounded half-up, at most the rule's maximum. */
    static Money lateFee(LateFeeRule rule, Money rent) {
        Money fee = rule.kind() == LateFeeKind.FLAT ? rule.flatAmount()
                : new Money(rent.amount().multiply(rule.percent()).divide(HUNDRED, rent.amount().scale(),
                                                                          RoundingMode.HALF_UP), rent.currency());
        return rule.maximum() == null ? fee : fee.min(rule.maximum());
    }

    /** One id per charge: a charge has at most one late fee, so a second assessment names the same one. */
    private UUID lateFeeId(int chargeNumber) {
        return UUID.nameUUIDFromBytes((lease.id() + "/late-fee/" + chargeNumber).getBytes(StandardCharsets.UTF_8));
    }

    static String limited(String value, String field) {
        String text = text(value);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new DomainRuleViolation("invalid-" + field, field + " has at most 200 characters");
        }
        return text;
    }
}
