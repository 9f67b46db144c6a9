package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the whole owner profile of a user whose role is {@code owner}: the user themselves or an admin.
 * {@code expectedVersion}, when given, refuses the change if the account moved on since it was read.
 */
public record UpdateOwnerProfile(@TargetAggregateIdentifier UserId userId,
                                 OwnerProfile profile,
                                 Actor requestedBy,
                                 @TargetAggregateVersion Long expectedVersion) {
}
