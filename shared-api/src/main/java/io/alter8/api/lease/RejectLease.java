package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The owner's side or a tenant turns down a lease that is not active yet; it cannot go on afterwards. */
public record RejectLease(@TargetAggregateIdentifier LeaseId leaseId,
                          String reason,
                          Actor requestedBy,
                          @TargetAggregateVersion Long expectedVersion) {
}
