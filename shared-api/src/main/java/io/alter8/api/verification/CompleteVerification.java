package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The assigned field executive or an admin files the report: the property is then verified. */
public record CompleteVerification(@TargetAggregateIdentifier VerificationId verificationId,
                                   VerificationReport report,
                                   Actor requestedBy,
                                   @TargetAggregateVersion Long expectedVersion) {
}
