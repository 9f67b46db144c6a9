package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The whole profile as it now is. */
@Revision("2")
public record OwnerProfileUpdated(UserId userId,
                                  OwnerProfile profile,
                                  UserId updatedBy) {
}
