package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Gives notice today that a lease in force ends on {@code terminationDate}: at least the lease's notice period away,
 * and not after its end date. The owner's side or a tenant.
 */
public record GiveNotice(@TargetAggregateIdentifier LeaseId leaseId,
                         LocalDate terminationDate,
                         String reason,
                         Actor requestedBy,
                         @TargetAggregateVersion Long expectedVersion) {
}
