package io.alter8.api.user;

import io.alter8.api.common.UserId;

/** One user's account view, if the read side knows the user. */
public record FindUserById(UserId userId) {
}
