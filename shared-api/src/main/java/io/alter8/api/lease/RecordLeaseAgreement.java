package io.alter8.api.lease;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lease takes up {@code documentId}, a lease agreement document of it that its owner and every tenant signed
 * ({@code version}), as its agreement. Sent by the system when the last party signs.
 */
public record RecordLeaseAgreement(@TargetAggregateIdentifier LeaseId leaseId,
                                   DocumentId documentId,
                                   int version) {
}
