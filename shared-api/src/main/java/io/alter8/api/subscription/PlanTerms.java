package io.alter8.api.subscription;

import io.alter8.api.common.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a plan offers and costs (management model {@code subscription_plans} and {@code plan_features}). Prices are
 * monthly and in one currency; the annual price is twelve months less {@code annualDiscountPercent}.
 * {@code maximumUnits} null means no maximum.
 */
public record PlanTerms(String name,
                        String description,
                        Money pricePerUnit,
                        Money minimumPrice,
                        Integer maximumUnits,
                        boolean custom,
                        BigDecimal annualDiscountPercent,
                        List<PlanFeature> features) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PlanTerms {
        features = features == null ? List.of() : List.copyOf(features);
        annualDiscountPercent = annualDiscountPercent == null ? BigDecimal.ZERO : annualDiscountPercent;
    }

    /** A period's price: max(minimum price, units × price per unit) a month, or twelve such less the discount. */
    public Money priceFor(int units, PaymentFrequency frequency) {
        BigDecimal monthly = pricePerUnit.amount().multiply(BigDecimal.valueOf(units)).max(minimumPrice.amount());
        BigDecimal amount = frequency == PaymentFrequency.MONTHLY ? monthly
                : monthly.multiply(BigDecimal.valueOf(12))
                         .multiply(HUNDRED.subtract(annualDiscountPercent))
                         .divide(HUNDRED, pricePerUnit.amount().scale(), RoundingMode.HALF_UP);
        return new Money(amount.setScale(pricePerUnit.amount().scale(), RoundingMode.HALF_UP),
                         pricePerUnit.currency());
    }

    public boolean fits(int units) {
        return maximumUnits == null || units <= maximumUnits;
    }
}
