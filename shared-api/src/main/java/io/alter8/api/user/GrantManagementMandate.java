package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An owner lets a property manager act for them: register properties in their name (which the manager then
 * manages). Sent to the owner's account, by the owner or an admin; the manager must be an active property manager.
 */
public record GrantManagementMandate(@TargetAggregateIdentifier UserId ownerId,
                                     UserId managerId,
                                     Actor requestedBy) {
}
