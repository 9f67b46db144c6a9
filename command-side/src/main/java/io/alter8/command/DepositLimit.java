package io.alter8.command;

import io.alter8.api.common.Money;

import java.math.BigDecimal;

/** A security deposit is at most 12 months' rent, on a property's rental terms and on a lease alike. */
public final class DepositLimit {

    private static final BigDecimal MAX_MONTHS = BigDecimal.valueOf(12);

    private DepositLimit() {
    }

    public static void check(Money deposit, Money monthlyRent) {
        if (deposit != null && deposit.amount().compareTo(monthlyRent.amount().multiply(MAX_MONTHS)) > 0) {
            throw new DomainRuleViolation("deposit-too-high", "the security deposit is at most 12 months' rent");
        }
    }
}
