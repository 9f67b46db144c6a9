package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records where the property's verification is: admins directly ({@code verification} null), or the verification
 * process, as {@link Actor#system()}, with the outcome of the property verification {@code verification}.
 */
public record RecordVerificationOutcome(@TargetAggregateIdentifier PropertyId propertyId,
                                        PropertyVerificationStatus status,
                                        String notes,
                                        VerificationId verification,
                                        Actor requestedBy,
                                        @TargetAggregateVersion Long expectedVersion) {
}
