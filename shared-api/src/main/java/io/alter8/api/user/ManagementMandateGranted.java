package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The owner {@code ownerId} let the property manager {@code managerId} register properties in their name. */
@Revision("1")
public record ManagementMandateGranted(UserId ownerId,
                                       UserId managerId,
                                       UserId grantedBy) {
}
