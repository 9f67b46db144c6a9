package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.math.BigDecimal;

/**
 * The late fee a lease agrees to: once a charge is still open {@code graceDays} after its due date, a fee of
 * {@code flatAmount} ({@code flat}) or {@code percent} of the charge's rent ({@code percent}), at most {@code maximum}
 * (null: no cap), applied once per charge.
 */
public record LateFeeRule(LateFeeKind kind,
                          Money flatAmount,
                          BigDecimal percent,
                          Money maximum,
                          int graceDays) {
}
