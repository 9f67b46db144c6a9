package io.alter8.command.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.ApplyRecommendation;
import io.alter8.api.subscription.CancelSubscription;
import io.alter8.api.subscription.ChangeSubscription;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanRecommended;
import io.alter8.api.subscription.ReactivateSubscription;
import io.alter8.api.subscription.RecommendPlan;
import io.alter8.api.subscription.RecommendationApplied;
import io.alter8.api.subscription.RenewSubscription;
import io.alter8.api.subscription.StartSubscription;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionInvoiced;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.UserRoles;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One account's subscription (an owner's or a property manager's): its plan, units, price, period and status, and
 * the invoice of each paid period. An account has one subscription; once it ended, it is reactivated.
 * <pre>
 * start         → trial (until its end date, no invoice) or active (a paid period, invoiced)
 * change        → other plan or units at once, the rest of the period charged or credited by the day
 * cancel        → cancelled now (the rest credited), or at the period's end (stays in force, does not renew)
 * period's end  → renewed (invoiced; a trial converts), cancelled, or expired when not to renew
 * reactivate    → a cancelled or expired one starts a new paid period
 * recommend     → the cheapest plan that fits its units and usage, applied (a plan change) within 7 days
 * </pre>
 * Every date is the command's {@code today}, which the sender takes from the service's clock.
 */
@Aggregate
class Subscription {

    static final int MAX_REASON_LENGTH = 2000;
    static final int MAX_TRIAL_DAYS = 90;
    /** How long a recommendation may be applied. */
    static final int RECOMMENDATION_DAYS = 7;

    @AggregateIdentifier
    private SubscriptionId id;
    private UserId accountId;
    private PlanId planId;
    private PaymentFrequency frequency;
    private int unitCount;
    private Money price;
    private SubscriptionStatus status;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private boolean autoRenew;
    private boolean cancelAtPeriodEnd;
    private int invoices;
    /** The start as stored, so that sending the same start again is recognised. */
    private SubscriptionStarted started;
    private final Map<UUID, PlanRecommended> recommendations = new HashMap<>();
    private final Set<UUID> applied = new HashSet<>();

    Subscription() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartSubscription command, PlanCatalog plans, AccountUsage units, Subscribers subscribers,
                UserRoles users) {
        Actor by = actor(command.requestedBy());
        UserId account = command.accountId() == null ? by.userId() : command.accountId();
        if (!by.role().isAdmin() && !(by.is(account) && isCustomerRole(by.role()))) {
            throw new NotPermitted("owners and property managers subscribe themselves; admins anyone");
        }
        boolean customer = by.is(account) ? isCustomerRole(by.role())
                : users.isActive(account, Role.OWNER) || users.isActive(account, Role.PROPERTY_MANAGER);
        if (!customer) {
            throw new DomainRuleViolation("not-a-customer", "only an active owner or property manager subscribes");
        }
        LocalDate today = required(command.today(), "today");
        PaymentFrequency billed = command.frequency() == null ? PaymentFrequency.MONTHLY : command.frequency();
        PlanCatalog.Offer offer = plans.offer(required(command.planId(), "planId"));
        requireOnTheMarket(offer);
        int count = command.unitCount() == null ? units.unitsOf(account) : command.unitCount();
        requireFits(offer, count);
        boolean trial = command.trialEndsOn() != null;
        if (trial && (!command.trialEndsOn().isAfter(today)
                || command.trialEndsOn().isAfter(today.plusDays(MAX_TRIAL_DAYS)))) {
            throw new DomainRuleViolation("invalid-trialEndsOn", "a trial ends 1 to " + MAX_TRIAL_DAYS
                    + " days from today");
        }
        LocalDate end = trial ? command.trialEndsOn() : nextPeriodEnd(today, billed);
        SubscriptionStarted event = new SubscriptionStarted(
                command.subscriptionId(), account, offer.planId(), offer.terms().name(), billed, count,
                offer.terms().priceFor(count, billed), trial ? SubscriptionStatus.TRIAL : SubscriptionStatus.ACTIVE,
                today, end, command.autoRenew(), by.userId());
        if (started != null) {
            if (started.equals(event)) {
                return;
            }
            throw new DomainRuleViolation("subscription-exists", "subscription " + id + " exists with other content");
        }
        subscribers.subscriptionOf(account).ifPresent(other -> {
            throw new DomainRuleViolation("account-subscribed", "the account has subscription " + other
                    + "; change or reactivate it");
        });
        apply(event);
        if (!trial) {
            invoice(event.planId(), today, end, event.price());
        }
    }

    @CommandHandler
    void handle(ChangeSubscription command, PlanCatalog plans) {
        Actor by = requireCustomer(command.requestedBy());
        requireInForce();
        LocalDate today = required(command.today(), "today");
        PlanId target = command.planId() == null ? planId : command.planId();
        PlanCatalog.Offer offer = plans.offer(target);
        if (!target.equals(planId)) {
            requireOnTheMarket(offer);
        }
        int count = command.unitCount() == null ? unitCount : command.unitCount();
        requireFits(offer, count);
        if (target.equals(planId) && count == unitCount) {
            return;
        }
        changeTo(offer, count, today, by);
    }

    /** Records the cheapest plan that fits the account's units and usage ({@link CheapestFittingPlan}). */
    @CommandHandler
    void handle(RecommendPlan command, PlanCatalog plans, AccountUsage usage) {
        Actor by = requireCustomer(command.requestedBy());
        requireInForce();
        if (recommendations.containsKey(required(command.recommendationId(), "recommendationId"))) {
            return;
        }
        LocalDate today = required(command.today(), "today");
        Map<String, Long> used = new HashMap<>();
        for (String feature : CheapestFittingPlan.COUNTED) {
            used.put(feature, usage.used(accountId, feature, today));
        }
        CheapestFittingPlan.Choice choice = CheapestFittingPlan
                .choose(plans.offer(planId), unitCount, frequency, used, plans.offers())
                .orElseThrow(() -> new DomainRuleViolation("no-better-plan",
                                                            "the current plan is the cheapest that fits"));
        Money saving = new Money(price.amount().subtract(choice.price().amount()), price.currency());
        apply(new PlanRecommended(id, accountId, command.recommendationId(), planId, choice.plan().planId(),
                                  choice.plan().terms().name(), choice.reason(), price, choice.price(), saving, today,
                                  today.plusDays(RECOMMENDATION_DAYS), by.userId()));
    }

    /** Applying a recommendation is a plan change to its plan, while it has not expired. */
    @CommandHandler
    void handle(ApplyRecommendation command, PlanCatalog plans) {
        Actor by = requireCustomer(command.requestedBy());
        PlanRecommended recommendation = recommendations.get(command.recommendationId());
        if (recommendation == null) {
            throw new NotFound("no recommendation " + command.recommendationId());
        }
        if (applied.contains(command.recommendationId())) {
            return;
        }
        requireInForce();
        LocalDate today = required(command.today(), "today");
        if (!today.isBefore(recommendation.expiresOn())) {
            throw new DomainRuleViolation("recommendation-expired", "the recommendation expired on "
                    + recommendation.expiresOn());
        }
        if (!recommendation.recommendedPlanId().equals(planId)) {
            PlanCatalog.Offer offer = plans.offer(recommendation.recommendedPlanId());
            requireOnTheMarket(offer);
            requireFits(offer, unitCount);
            changeTo(offer, unitCount, today, by);
        }
        apply(new RecommendationApplied(id, accountId, command.recommendationId(), today, by.userId()));
    }

    @CommandHandler
    void handle(CancelSubscription command) {
        Actor by = requireCustomer(command.requestedBy());
        String reason = text(command.reason());
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new DomainRuleViolation("invalid-reason", "the reason has at most 2000 characters");
        }
        if (!status.inForce() || command.atPeriodEnd() && cancelAtPeriodEnd) {
            return;
        }
        LocalDate today = required(command.today(), "today");
        if (command.atPeriodEnd()) {
            apply(new SubscriptionCancelled(id, accountId, reason, true, periodEnd, zero(), by.userId()));
        } else {
            Money credit = status == SubscriptionStatus.TRIAL ? zero() : prorated(price.amount().negate(), today);
            apply(new SubscriptionCancelled(id, accountId, reason, false, today, credit, by.userId()));
        }
    }

    /** From the renewal job; idempotent, since the job may run again after a restart or on another node. */
    @CommandHandler
    void handle(RenewSubscription command, PlanCatalog plans) {
        LocalDate today = required(command.today(), "today");
        if (!status.inForce() || today.isBefore(periodEnd)) {
            return;
        }
        boolean trial = status == SubscriptionStatus.TRIAL;
        if (cancelAtPeriodEnd || !autoRenew) {
            apply(new SubscriptionEnded(id, accountId, planId,
                                        cancelAtPeriodEnd ? SubscriptionStatus.CANCELLED : SubscriptionStatus.EXPIRED,
                                        periodEnd, trial));
            return;
        }
        // At the plan's current terms, a deactivated plan included; the new period follows the last without a gap.
        Money renewed = plans.offer(planId).terms().priceFor(unitCount, frequency);
        LocalDate start = periodEnd;
        LocalDate end = nextPeriodEnd(start, frequency);
        apply(new SubscriptionRenewed(id, accountId, planId, unitCount, renewed, start, end, trial));
        invoice(planId, start, end, renewed);
    }

    @CommandHandler
    void handle(ReactivateSubscription command, PlanCatalog plans) {
        Actor by = requireCustomer(command.requestedBy());
        if (status.inForce()) {
            throw new DomainRuleViolation("subscription-in-force", "the subscription is " + status.wire()
                    + "; only a cancelled or expired one is reactivated");
        }
        LocalDate today = required(command.today(), "today");
        PlanCatalog.Offer offer = plans.offer(planId);
        requireOnTheMarket(offer);
        requireFits(offer, unitCount);
        Money newPrice = offer.terms().priceFor(unitCount, frequency);
        LocalDate end = nextPeriodEnd(today, frequency);
        apply(new SubscriptionReactivated(id, accountId, planId, offer.terms().name(), unitCount, newPrice, today, end,
                                          by.userId()));
        invoice(planId, today, end, newPrice);
    }

    // ------------------------------------------------------------------------------------------------- state

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        id = event.subscriptionId();
        started = event;
        accountId = event.accountId();
        planId = event.planId();
        frequency = event.frequency();
        unitCount = event.unitCount();
        price = event.price();
        status = event.status();
        periodStart = event.startDate();
        periodEnd = event.endDate();
        autoRenew = event.autoRenew();
    }

    @EventSourcingHandler
    void on(SubscriptionInvoiced event) {
        invoices = event.number();
    }

    @EventSourcingHandler
    void on(SubscriptionChanged event) {
        planId = event.planId();
        unitCount = event.unitCount();
        price = event.price();
    }

    @EventSourcingHandler
    void on(SubscriptionCancelled event) {
        if (event.atPeriodEnd()) {
            cancelAtPeriodEnd = true;
        } else {
            status = SubscriptionStatus.CANCELLED;
            periodEnd = event.effectiveOn();
        }
    }

    @EventSourcingHandler
    void on(SubscriptionRenewed event) {
        paidPeriod(event.price(), event.periodStart(), event.periodEnd());
    }

    @EventSourcingHandler
    void on(SubscriptionEnded event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(SubscriptionReactivated event) {
        paidPeriod(event.price(), event.periodStart(), event.periodEnd());
        autoRenew = true;
        cancelAtPeriodEnd = false;
    }

    private void paidPeriod(Money periodPrice, LocalDate start, LocalDate end) {
        status = SubscriptionStatus.ACTIVE;
        price = periodPrice;
        periodStart = start;
        periodEnd = end;
    }

    @EventSourcingHandler
    void on(PlanRecommended event) {
        recommendations.put(event.recommendationId(), event);
    }

    @EventSourcingHandler
    void on(RecommendationApplied event) {
        applied.add(event.recommendationId());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Moves to {@code offer} with {@code count} units as of {@code today}, the rest of the period pro-rated. */
    private void changeTo(PlanCatalog.Offer offer, int count, LocalDate today, Actor by) {
        if (!offer.terms().pricePerUnit().currency().equals(price.currency())) {
            throw new DomainRuleViolation("plan-currency-differs", "the plan is priced in "
                    + offer.terms().pricePerUnit().currency() + ", the subscription in " + price.currency());
        }
        Money newPrice = offer.terms().priceFor(count, frequency);
        Money adjustment = status == SubscriptionStatus.TRIAL
                ? zero()
                : prorated(newPrice.amount().subtract(price.amount()), today);
        apply(new SubscriptionChanged(id, accountId, planId, offer.planId(), offer.terms().name(), count, newPrice,
                                      today, adjustment, by.userId()));
    }

    private void invoice(PlanId plan, LocalDate start, LocalDate end, Money amount) {
        apply(new SubscriptionInvoiced(id, accountId, invoices + 1, plan, start, end, amount));
    }

    /**
     * {@code perPeriod} for the days left of the current period, {@code today} included: a period of 31 days with
     * 15 left is charged 15/31 of it. Days, not months, so a month end or 29 February count as the days they are.
     */
    private Money prorated(BigDecimal perPeriod, LocalDate today) {
        if (today.isBefore(periodStart) || !today.isBefore(periodEnd)) {
            throw new DomainRuleViolation("outside-period", "today is not within the current period");
        }
        long total = ChronoUnit.DAYS.between(periodStart, periodEnd);
        long left = ChronoUnit.DAYS.between(today, periodEnd);
        BigDecimal amount = perPeriod.multiply(BigDecimal.valueOf(left))
                                     .divide(BigDecimal.valueOf(total), price.amount().scale(), RoundingMode.HALF_UP);
        return new Money(amount, price.currency());
    }

    private Money zero() {
        return new Money(BigDecimal.ZERO, price.currency());
    }

    static LocalDate nextPeriodEnd(LocalDate start, PaymentFrequency frequency) {
        return frequency == PaymentFrequency.ANNUAL ? start.plusYears(1) : start.plusMonths(1);
    }

    private Actor requireCustomer(Actor given) {
        Actor by = actor(given);
        if (!by.role().isAdmin() && !by.is(accountId)) {
            throw new NotPermitted("only the subscribed account or an admin acts on a subscription");
        }
        return by;
    }

    private void requireInForce() {
        if (!status.inForce()) {
            throw new DomainRuleViolation("subscription-" + status.wire(), "the subscription is " + status.wire()
                    + "; reactivate it first");
        }
    }

    private static void requireOnTheMarket(PlanCatalog.Offer offer) {
        if (!offer.active()) {
            throw new DomainRuleViolation("plan-inactive", "plan " + offer.planId() + " is no longer offered");
        }
    }

    private static void requireFits(PlanCatalog.Offer offer, int count) {
        if (count < 0) {
            throw new DomainRuleViolation("invalid-unitCount", "the unit count is zero or more");
        }
        if (!offer.terms().fits(count)) {
            throw new DomainRuleViolation("units-over-plan-maximum", "the plan " + offer.terms().name()
                    + " takes at most " + offer.terms().maximumUnits() + " units");
        }
    }

    private static boolean isCustomerRole(Role role) {
        return role == Role.OWNER || role == Role.PROPERTY_MANAGER;
    }
}
