package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned field executive starts the visit. */
public record StartVerification(@TargetAggregateIdentifier VerificationId verificationId,
                                Actor requestedBy,
                                @TargetAggregateVersion Long expectedVersion) {
}
