package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Asks for a verification of a property (its owner, its listing agent or an admin). Sent to the property, which
 * checks who asks and that no other verification of it is open; the verification itself is opened from the
 * property's {@link PropertyVerificationRequested}. {@code verificationId} is made by the caller, so a retry opens
 * nothing new.
 */
public record RequestPropertyVerification(@TargetAggregateIdentifier PropertyId propertyId,
                                          VerificationId verificationId,
                                          VerificationType type,
                                          Actor requestedBy,
                                          @TargetAggregateVersion Long expectedVersion) {
}
