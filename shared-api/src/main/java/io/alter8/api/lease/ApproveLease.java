package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The caller agrees to the lease's current terms: the owner (or an admin for them), or one of its tenants. */
public record ApproveLease(@TargetAggregateIdentifier LeaseId leaseId,
                           Actor requestedBy,
                           @TargetAggregateVersion Long expectedVersion) {
}
