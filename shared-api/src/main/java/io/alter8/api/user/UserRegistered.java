package io.alter8.api.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * {@code registeredBy} is null for a self sign-up. E-mail, phone and names are encrypted under the user's data key
 * (masked {@code a***@***.com}, {@code +9XXXXX210}, {@code P***}); revision 1 carried them in plain text and is upcast.
 */
@Revision("2")
public record UserRegistered(UserId userId,
                             EncryptedValue email,
                             EncryptedValue phone,
                             EncryptedValue firstName,
                             EncryptedValue lastName,
                             Role role,
                             Country country,
                             String preferredLanguage,
                             UserId registeredBy) {
}
