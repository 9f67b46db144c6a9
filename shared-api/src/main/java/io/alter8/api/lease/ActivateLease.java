package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks to put a fully approved lease, signed by the owner and every tenant, into force: the leasing process occupies
 * its unit, then confirms or refuses the activation.
 */
public record ActivateLease(@TargetAggregateIdentifier LeaseId leaseId,
                            Actor requestedBy,
                            @TargetAggregateVersion Long expectedVersion) {
}
