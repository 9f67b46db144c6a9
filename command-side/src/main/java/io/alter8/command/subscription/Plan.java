package io.alter8.command.subscription;

import io.alter8.api.common.PlanId;
import io.alter8.api.subscription.DeactivatePlan;
import io.alter8.api.subscription.DefinePlan;
import io.alter8.api.subscription.PlanDeactivated;
import io.alter8.api.subscription.PlanDefined;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanRevised;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.RevisePlan;
import io.alter8.api.user.Actor;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A plan of the subscription catalog, managed by admins: its terms (prices, maximum units, features and their
 * limits) and whether it is on the market. Deactivating it stops new subscriptions to it, not existing ones.
 */
@Aggregate
class Plan {

    @AggregateIdentifier
    private PlanId id;
    private PlanTerms terms;
    private boolean active;

    Plan() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DefinePlan command, FeatureCatalog catalog) {
        requireAdmin(command.requestedBy());
        check(command.terms(), catalog);
        if (terms != null) {
            if (terms.equals(command.terms())) {
                return;
            }
            throw new DomainRuleViolation("plan-already-defined", "plan " + id + " exists with other terms");
        }
        apply(new PlanDefined(command.planId(), command.terms(), command.requestedBy().userId()));
    }

    @CommandHandler
    void handle(RevisePlan command, FeatureCatalog catalog) {
        requireAdmin(command.requestedBy());
        check(command.terms(), catalog);
        if (!terms.pricePerUnit().currency().equals(command.terms().pricePerUnit().currency())) {
            // Subscriptions on it are priced in its currency; changing it would mix currencies in their billing.
            throw new DomainRuleViolation("plan-currency-fixed", "a plan keeps its currency, "
                    + terms.pricePerUnit().currency());
        }
        if (terms.equals(command.terms())) {
            return;
        }
        apply(new PlanRevised(id, command.terms(), command.requestedBy().userId()));
    }

    @CommandHandler
    void handle(DeactivatePlan command) {
        requireAdmin(command.requestedBy());
        if (!active) {
            return;
        }
        apply(new PlanDeactivated(id, command.requestedBy().userId()));
    }

    /** What a subscription needs of the plan: its terms, and whether it may be chosen now. */
    PlanCatalog.Offer offer() {
        return new PlanCatalog.Offer(id, terms, active);
    }

    @EventSourcingHandler
    void on(PlanDefined event) {
        id = event.planId();
        terms = event.terms();
        active = true;
    }

    @EventSourcingHandler
    void on(PlanRevised event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PlanDeactivated event) {
        active = false;
    }

    private static void requireAdmin(Actor by) {
        if (!actor(by).role().isAdmin()) {
            throw new NotPermitted("only admins manage the plan catalog");
        }
    }

    /** The rules among the terms' fields; each field's own shape is checked at the edge. */
    static void check(PlanTerms terms, FeatureCatalog catalog) {
        String currency = terms.pricePerUnit().currency();
        if (!terms.minimumPrice().currency().equals(currency)) {
            throw new DomainRuleViolation("invalid-minimumPrice", "the minimum price is in " + currency
                    + ", the price per unit's currency");
        }
        if (terms.pricePerUnit().amount().signum() < 0 || terms.minimumPrice().amount().signum() < 0) {
            throw new DomainRuleViolation("invalid-price", "prices are zero or more");
        }
        if (terms.annualDiscountPercent().compareTo(BigDecimal.ZERO) < 0
                || terms.annualDiscountPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new DomainRuleViolation("invalid-annualDiscountPercent", "the annual discount is 0 to 100 %");
        }
        Set<String> seen = new HashSet<>();
        for (PlanFeature feature : terms.features()) {
            if (!seen.add(feature.feature())) {
                throw new DomainRuleViolation("duplicate-feature", "the plan names " + feature.feature() + " twice");
            }
            if (!catalog.exists(feature.feature())) {
                throw new DomainRuleViolation("unknown-feature", feature.feature() + " is not in the feature catalog");
            }
        }
    }
}
