package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * The property's owner rates the field executive and, if one came, the agent (1–5 each) once the verification is
 * final; sending it again revises it.
 */
public record GiveVerificationFeedback(@TargetAggregateIdentifier VerificationId verificationId,
                                       Integer agentRating,
                                       Integer executiveRating,
                                       String feedback,
                                       Actor requestedBy,
                                       @TargetAggregateVersion Long expectedVersion) {
}
