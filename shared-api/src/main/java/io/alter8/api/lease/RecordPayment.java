package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a payment towards a lease in force: a tenant of it pays, or the owner's side records one received. The same
 * {@code paymentId}, or the same {@code gatewayTransactionId}, is recorded once.
 */
public record RecordPayment(@TargetAggregateIdentifier LeaseId leaseId,
                            UUID paymentId,
                            Money amount,
                            PaymentMethod method,
                            Instant paidAt,
                            String gatewayId,
                            String gatewayTransactionId,
                            String reference,
                            Actor requestedBy,
                            @TargetAggregateVersion Long expectedVersion) {
}
