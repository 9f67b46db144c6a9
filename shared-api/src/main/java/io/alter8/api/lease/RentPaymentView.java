package io.alter8.api.lease;

import io.alter8.api.common.Money;

import java.time.Instant;
import java.util.UUID;

/** A payment received for a lease. */
public record RentPaymentView(UUID paymentId,
                              Money amount,
                              PaymentMethod method,
                              Instant paidAt,
                              String gatewayId,
                              String gatewayTransactionId,
                              String reference) {
}
