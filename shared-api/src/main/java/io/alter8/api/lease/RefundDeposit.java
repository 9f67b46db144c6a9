package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Refunds what is left of the deposit once the lease has ended: the owner, the property's manager or an admin. */
public record RefundDeposit(@TargetAggregateIdentifier LeaseId leaseId,
                            String reference,
                            Actor requestedBy,
                            @TargetAggregateVersion Long expectedVersion) {
}
