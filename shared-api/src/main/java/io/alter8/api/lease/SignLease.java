package io.alter8.api.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The caller signs a fully approved lease: as its owner, as one of its tenants, or as witness (its agent or an
 * admin). {@code agreementUrl}, if given, is where the signed agreement is kept.
 */
public record SignLease(@TargetAggregateIdentifier LeaseId leaseId,
                        LeaseParty as,
                        String signatureUrl,
                        String agreementUrl,
                        Actor requestedBy,
                        @TargetAggregateVersion Long expectedVersion) {
}
