package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Keeps part of the held deposit, for a reason, once the lease has ended: the owner, the property's manager or an
 * admin.
 */
public record DeductFromDeposit(@TargetAggregateIdentifier LeaseId leaseId,
                                Money amount,
                                String reason,
                                Actor requestedBy,
                                @TargetAggregateVersion Long expectedVersion) {
}
