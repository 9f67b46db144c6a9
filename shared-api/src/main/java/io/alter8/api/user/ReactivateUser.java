package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reactivates a deactivated account: admins only (a super admin for an admin's account). */
public record ReactivateUser(@TargetAggregateIdentifier UserId userId,
                             Actor requestedBy) {
}
