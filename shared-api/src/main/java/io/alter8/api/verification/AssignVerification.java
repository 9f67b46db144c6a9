package io.alter8.api.verification;

import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Admins give the verification to a field executive, optionally with an agent; again until it is final. */
public record AssignVerification(@TargetAggregateIdentifier VerificationId verificationId,
                                 UserId fieldExecutiveId,
                                 UserId agentId,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
