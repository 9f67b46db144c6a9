package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Renews a lease in force by hand: the owner, the property's manager or an admin offers {@code terms} starting the day
 * after its end date; the leasing process opens the new lease {@code renewalId} with the same tenants, who approve and
 * sign it as any lease. Sending it again with the same id and terms changes nothing.
 */
public record RenewLease(@TargetAggregateIdentifier LeaseId leaseId,
                         LeaseId renewalId,
                         LeaseTerms terms,
                         Actor requestedBy,
                         @TargetAggregateVersion Long expectedVersion) {
}
