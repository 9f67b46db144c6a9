package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user asks for their own account to be erased (right to be forgotten). Only for themselves; an admin then carries
 * it out with {@link EraseUser}.
 */
public record RequestErasure(@TargetAggregateIdentifier UserId userId,
                             Actor requestedBy) {
}
