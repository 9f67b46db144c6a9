package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the leasing process only: opens the lease {@code leaseId} that {@code renewal} describes. A manual renewal
 * opens as a proposal to approve and sign; an automatic one asks at once for the unit. Again, nothing changes.
 */
public record OpenRenewal(@TargetAggregateIdentifier LeaseId leaseId,
                          LeaseRenewed renewal) {
}
