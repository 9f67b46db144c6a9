package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The whole profile as it now is. */
@Revision("1")
public record AgentProfileUpdated(UserId userId,
                                  AgentProfile profile,
                                  UserId updatedBy) {
}
