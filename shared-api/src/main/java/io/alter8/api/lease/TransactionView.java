package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;

import java.time.Instant;

/**
 * One money movement of a lease: {@code payment}, {@code late_fee}, {@code late_fee_waiver}, {@code deposit_held},
 * {@code deposit_deducted} or {@code deposit_refunded}; the reference is the payment's reference, the waiver's or
 * deduction's reason, or the refund's reference.
 */
public record TransactionView(LeaseId leaseId,
                              String kind,
                              Money amount,
                              String reference,
                              Instant at) {
}
