package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the outcome of the review of an agent's RERA licence: field executives and admins. */
public record ReviewAgentLicence(@TargetAggregateIdentifier UserId userId,
                                 AgentVerificationStatus status,
                                 String note,
                                 Actor reviewer) {
}
