package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * The user was erased: who did it and why (the event's timestamp says when), and whether they had asked for it. It
 * carries no personal data, since it outlives the data key it destroys.
 */
@Revision("1")
public record UserErased(UserId userId,
                         String reason,
                         boolean requestedByUser,
                         UserId erasedBy) {
}
