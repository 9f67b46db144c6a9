package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the leasing process only: the renewal {@code renewalId} of the renewed lease {@code leaseId} was withdrawn,
 * so that lease expires at its end date after all. Again, or for another renewal, nothing changes.
 */
public record LapseRenewal(@TargetAggregateIdentifier LeaseId leaseId,
                           LeaseId renewalId) {
}
