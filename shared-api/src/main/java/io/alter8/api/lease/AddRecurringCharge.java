package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Adds a recurring charge besides rent to a lease in force: the owner, the property's manager or an admin. Only
 * charges not yet due take it in.
 */
public record AddRecurringCharge(@TargetAggregateIdentifier LeaseId leaseId,
                                 RecurringCharge charge,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
