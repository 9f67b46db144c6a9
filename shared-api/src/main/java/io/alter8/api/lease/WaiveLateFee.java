package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.UUID;

/** Waives a late fee, with a reason: the owner, the property's manager or an admin. */
public record WaiveLateFee(@TargetAggregateIdentifier LeaseId leaseId,
                           UUID lateFeeId,
                           String reason,
                           Actor requestedBy,
                           @TargetAggregateVersion Long expectedVersion) {
}
