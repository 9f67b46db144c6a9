package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment was received for the lease; it becomes the lease's credit, which {@link CreditAllocated} then gives to the
 * oldest charges due. {@code gatewayTransactionId} is recorded once per lease.
 */
@Revision("1")
public record PaymentRecorded(LeaseId leaseId,
                              UUID paymentId,
                              PropertyId propertyId,
                              Money amount,
                              PaymentMethod method,
                              Instant paidAt,
                              String gatewayId,
                              String gatewayTransactionId,
                              String reference,
                              UserId recordedBy) {
}
