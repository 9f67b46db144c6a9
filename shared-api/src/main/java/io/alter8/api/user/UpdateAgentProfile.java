package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the whole agent profile of a user whose role is {@code agent}: the user themselves or an admin.
 * {@code expectedVersion}, when given, refuses the change if the account moved on since it was read.
 */
public record UpdateAgentProfile(@TargetAggregateIdentifier UserId userId,
                                 AgentProfile profile,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
