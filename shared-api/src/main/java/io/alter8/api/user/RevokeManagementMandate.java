package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An owner (or an admin) ends a property manager's mandate: the manager registers nothing more in the owner's name.
 * Properties that already name them their manager keep them until the owner assigns another.
 */
public record RevokeManagementMandate(@TargetAggregateIdentifier UserId ownerId,
                                      UserId managerId,
                                      Actor requestedBy) {
}
