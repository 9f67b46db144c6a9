package io.alter8.command.user;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Role;

/**
 * Whether a user may act in a role right now: registered, active and holding it. Other aggregates ask it before
 * they name a user for a job (an owner for a property, its listing agent, its manager). The command side answers
 * from its own credential table, which changes in the transaction of the user events, so no event replay and no
 * query-side read is needed.
 */
public interface UserRoles {

    boolean isActive(UserId user, Role role);
}
