package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the whole tenant profile of a user whose role is {@code tenant}: the user themselves or an admin.
 * {@code expectedVersion}, when given, refuses the change if the account moved on since it was read.
 */
public record UpdateTenantProfile(@TargetAggregateIdentifier UserId userId,
                                  TenantProfile profile,
                                  Actor requestedBy,
                                  @TargetAggregateVersion Long expectedVersion) {
}
