package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives the listing to an agent, or takes it away ({@code agentId} null). */
public record AssignListingAgent(@TargetAggregateIdentifier PropertyId propertyId,
                                 UserId agentId,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
