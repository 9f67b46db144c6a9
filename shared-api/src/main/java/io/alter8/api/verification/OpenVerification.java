package io.alter8.api.verification;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From the verification process only: opens the verification a property accepted (never sent over HTTP). */
public record OpenVerification(@TargetAggregateIdentifier VerificationId verificationId,
                               PropertyId propertyId,
                               VerificationType type,
                               UserId ownerId,
                               UserId requestedBy) {
}
