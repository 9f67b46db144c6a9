package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record UserLoggedIn(UserId userId,
                           Instant loggedInAt) {
}
