package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. The amount keeps the currency's own number of decimals (2 for INR and USD),
 * so equal sums compare equal, and is written to JSON as a decimal string.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Currency iso;
        try {
            iso = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency " + currency);
        }
        try {
            amount = amount.setScale(iso.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "%s takes at most %d decimals".formatted(currency, iso.getDefaultFractionDigits()));
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The sum; both in one currency, else an {@code IllegalArgumentException}. */
    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    /** The difference, which may be negative; both in one currency. */
    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** The smaller of the two; both in one currency. */
    public Money min(Money other) {
        return amount.compareTo(sameCurrency(other).amount) <= 0 ? this : other;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
