package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.time.Instant;

/**
 * A movement of a lease's deposit: {@code held}, {@code deducted} (with its reason) or {@code refunded}; across a
 * renewal, {@code passed_on} on the renewed lease and {@code carried_over} on the renewal (no money moves), then on the
 * renewal {@code held} for a top-up when its deposit is higher, or {@code refunded} for the difference when lower.
 */
public record DepositEntryView(String kind,
                               Money amount,
                               String reason,
                               Instant at) {
}
