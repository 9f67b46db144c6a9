package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deactivates an account: the user can then do nothing until an admin reactivates it. Users may deactivate their
 * own account; admins anyone's but an admin's, which takes a super admin.
 */
public record DeactivateUser(@TargetAggregateIdentifier UserId userId,
                             String reason,
                             Actor requestedBy) {
}
