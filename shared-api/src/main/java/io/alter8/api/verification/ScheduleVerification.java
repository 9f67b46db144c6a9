package io.alter8.api.verification;

import io.alter8.api.common.VerificationId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The assigned field executive or an admin fixes the visit; a later one replaces it. */
public record ScheduleVerification(@TargetAggregateIdentifier VerificationId verificationId,
                                   Instant scheduledAt,
                                   Actor requestedBy,
                                   @TargetAggregateVersion Long expectedVersion) {
}
