package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The address, encrypted under the user's data key; revision 1 carried it in plain text and is upcast. */
@Revision("2")
public record EmailVerified(UserId userId,
                            EncryptedValue email) {
}
