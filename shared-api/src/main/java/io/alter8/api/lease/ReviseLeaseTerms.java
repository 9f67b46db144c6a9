package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the terms of a lease not yet agreed by all; every approval given so far lapses. */
public record ReviseLeaseTerms(@TargetAggregateIdentifier LeaseId leaseId,
                               LeaseTerms terms,
                               Actor requestedBy,
                               @TargetAggregateVersion Long expectedVersion) {
}
