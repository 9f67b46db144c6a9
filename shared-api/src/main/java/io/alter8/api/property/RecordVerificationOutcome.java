package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records where the property's verification is; until the verification process exists, admins send it. */
public record RecordVerificationOutcome(@TargetAggregateIdentifier PropertyId propertyId,
                                        PropertyVerificationStatus status,
                                        String notes,
                                        Actor requestedBy,
                                        @TargetAggregateVersion Long expectedVersion) {
}
