package io.alter8.api.user;

import io.alter8.api.common.UserId;

import java.util.Objects;
import java.util.UUID;

/**
 * Who sends a command, as the caller's access token says (the HTTP layer fills it in; clients never send it). The
 * user aggregate decides with it who may change roles, deactivate accounts or review profiles.
 */
public record Actor(UserId userId, Role role) {

    private static final Actor SYSTEM = new Actor(new UserId(new UUID(0, 0)), Role.SUPER_ADMIN);

    public Actor {
        Objects.requireNonNull(userId, "actor's user id");
        Objects.requireNonNull(role, "actor's role");
    }

    /** Alter8 itself (the nil UUID), e.g. creating the first super admin from configuration. */
    public static Actor system() {
        return SYSTEM;
    }

    public boolean is(UserId user) {
        return userId.equals(user);
    }
}
