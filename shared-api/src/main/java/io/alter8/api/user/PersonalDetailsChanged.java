package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The names are encrypted under the user's data key; revision 1 carried them in plain text and is upcast. */
@Revision("2")
public record PersonalDetailsChanged(UserId userId,
                                     EncryptedValue firstName,
                                     EncryptedValue lastName,
                                     String preferredLanguage,
                                     String profilePictureUrl,
                                     UserId changedBy) {
}
