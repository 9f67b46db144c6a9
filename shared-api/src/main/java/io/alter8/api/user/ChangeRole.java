package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives the user another role. Only admins may, nobody for themselves, and only a super admin gives or takes the
 * admin and super admin roles. The profile of the previous role no longer applies.
 */
public record ChangeRole(@TargetAggregateIdentifier UserId userId,
                         Role role,
                         Actor requestedBy) {
}
