package io.alter8.command.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.subscription.Features;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanFeature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan recommender's rule: of the plans on the market in the subscription's currency (and its current plan), the
 * cheapest for its units and payment frequency that <em>fits</em>:
 * <ul>
 * <li>it takes the subscription's units (its maximum units);</li>
 * <li>every counted feature the account uses (usage above zero) is enabled with a limit at or above the usage, and
 * above it where the current plan's limit is reached (the account hit it, so the plan it needs has room);</li>
 * <li>every feature without a count that the current plan enables (HUD programmes, API access) stays enabled.</li>
 * </ul>
 * Ties go to the current plan, then by name, then by id, so the same usage and catalog give the same answer. None
 * when the cheapest fitting plan is the current one.
 */
final class CheapestFittingPlan {

    /** The features counted in usage; the others are only enabled or not. */
    static final List<String> COUNTED = List.of(Features.PROPERTIES, Features.UNITS, Features.VERIFICATION_REQUESTS,
                                                Features.LEASES_IN_FORCE);

    record Choice(PlanCatalog.Offer plan, Money price, String reason) {
    }

    private CheapestFittingPlan() {
    }

    static Optional<Choice> choose(PlanCatalog.Offer current, int units, PaymentFrequency frequency,
                                   Map<String, Long> usage, List<PlanCatalog.Offer> market) {
        String currency = current.terms().pricePerUnit().currency();
        List<PlanCatalog.Offer> candidates = new ArrayList<>(market.stream()
                .filter(offer -> offer.active() && !offer.planId().equals(current.planId()))
                .filter(offer -> offer.terms().pricePerUnit().currency().equals(currency))
                .toList());
        candidates.add(current);
        Comparator<PlanCatalog.Offer> order = Comparator
                .comparing((PlanCatalog.Offer offer) -> offer.terms().priceFor(units, frequency).amount())
                .thenComparing(offer -> !offer.planId().equals(current.planId()))
                .thenComparing(offer -> offer.terms().name())
                .thenComparing(offer -> offer.planId().value());
        return candidates.stream()
                         .filter(offer -> fits(offer, current, units, usage))
                         .min(order)
                         .filter(best -> !best.planId().equals(current.planId()))
                         .map(best -> new Choice(best, best.terms().priceFor(units, frequency),
                                                 reason(best, current, units, frequency, usage)));
    }

    private static boolean fits(PlanCatalog.Offer offer, PlanCatalog.Offer current, int units,
                                Map<String, Long> usage) {
        if (!offer.terms().fits(units)) {
            return false;
        }
        for (String feature : COUNTED) {
            long used = usage.getOrDefault(feature, 0L);
            if (used == 0) {
                continue;
            }
            Optional<PlanFeature> offered = Features.find(offer.terms().features(), feature);
            if (offered.isEmpty() || !offered.get().enabled()) {
                return false;
            }
            Integer limit = offered.get().usageLimit();
            boolean reached = Features.find(current.terms().features(), feature)
                                      .map(f -> f.usageLimit() != null && used >= f.usageLimit()).orElse(true);
            if (limit != null && (limit < used || reached && limit == used)) {
                return false;
            }
        }
        for (PlanFeature kept : current.terms().features()) {
            if (kept.enabled() && !COUNTED.contains(kept.feature())
                    && !Features.find(offer.terms().features(), kept.feature()).map(PlanFeature::enabled)
                                .orElse(false)) {
                return false;
            }
        }
        return true;
    }

    private static String reason(PlanCatalog.Offer best, PlanCatalog.Offer current, int units,
                                 PaymentFrequency frequency, Map<String, Long> usage) {
        StringBuilder used = new StringBuilder();
        for (String feature : COUNTED) {
            long count = usage.getOrDefault(feature, 0L);
            if (count > 0) {
                used.append(used.isEmpty() ? "" : ", ").append(count).append(' ').append(feature);
            }
        }
        return "Cheapest fitting plan: " + best.terms().name() + " takes " + units + " units"
                + (used.isEmpty() ? "" : " and your usage (" + used + ")") + " for "
                + best.terms().priceFor(units, frequency) + " a " + (frequency == PaymentFrequency.ANNUAL ? "year"
                                                                                                       : "month")
                + " against " + current.terms().priceFor(units, frequency) + " on " + current.terms().name();
    }
}
