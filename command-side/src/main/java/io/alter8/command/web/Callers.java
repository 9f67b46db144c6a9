package io.alter8.command.web;

import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.web.security.CurrentUser;

/** Who calls, as the commands that depend on the sender need it. */
public final class Callers {

    private Callers() {
    }

    /**
     * The caller as the account sees it: from the token, never from the body. A token with several roles acts with
     * its admin role if it has one, so that an admin is not refused for also being something else.
     */
    public static Actor actor() {
        CurrentUser me = CurrentUser.require();
        Role role = me.roles().stream().map(Role::fromWire)
                      .sorted((a, b) -> Boolean.compare(b.isAdmin(), a.isAdmin()))
                      .findFirst().orElseThrow(() -> new IllegalStateException("a token without a role"));
        return new Actor(new UserId(me.id()), role);
    }
}
