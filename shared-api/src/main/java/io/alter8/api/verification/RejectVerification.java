package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned field executive or an admin rejects the property, saying why. */
public record RejectVerification(@TargetAggregateIdentifier VerificationId verificationId,
                                 String reason,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
