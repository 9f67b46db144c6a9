package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The user asked to be erased; the event's timestamp says when. */
@Revision("1")
public record UserErasureRequested(UserId userId) {
}
