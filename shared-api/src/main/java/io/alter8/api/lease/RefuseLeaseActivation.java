package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the leasing process only, when the property would not let the unit to the lease: the compensation of a
 * requested activation.
 */
public record RefuseLeaseActivation(@TargetAggregateIdentifier LeaseId leaseId,
                                    String reason,
                                    String detail) {
}
