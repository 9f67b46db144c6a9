package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The profile of {@code previousRole}, and its reviews, no longer apply. */
@Revision("1")
public record RoleChanged(UserId userId,
                          Role previousRole,
                          Role role,
                          UserId changedBy) {
}
