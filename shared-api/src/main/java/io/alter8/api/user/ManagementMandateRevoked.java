package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property manager {@code managerId} no longer acts for the owner {@code ownerId}. */
@Revision("1")
public record ManagementMandateRevoked(UserId ownerId,
                                       UserId managerId,
                                       UserId revokedBy) {
}
