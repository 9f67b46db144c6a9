package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * The whole profile as it now is. Revision 2 encrypts the date of birth and the names of the people it names;
 * revision 1 carried them in plain text and is upcast.
 */
@Revision("2")
public record TenantProfileUpdated(UserId userId,
                                   TenantProfile profile,
                                   UserId updatedBy) {
}
