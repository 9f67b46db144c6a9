package io.alter8.command.user;

import io.alter8.api.common.UserId;

/**
 * Whether a property manager acts for an owner: the owner granted them a mandate and is still an active owner. Asked
 * by the aggregates that let a manager act in an owner's name (registering a property for them).
 */
public interface Mandates {

    boolean holds(UserId manager, UserId owner);
}
