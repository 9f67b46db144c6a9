package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the leasing process only, once the property let the unit to the lease: the lease is in force. */
public record ConfirmLeaseActivation(@TargetAggregateIdentifier LeaseId leaseId) {
}
