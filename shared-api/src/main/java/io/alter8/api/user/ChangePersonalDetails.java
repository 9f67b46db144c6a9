package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a user's name, preferred language and profile picture: the user themselves or an admin. E-mail and phone
 * are not changed here (they are claimed identities and must be verified again). The names come encrypted under the
 * user's data key.
 */
public record ChangePersonalDetails(@TargetAggregateIdentifier UserId userId,
                                    EncryptedValue firstName,
                                    EncryptedValue lastName,
                                    String preferredLanguage,
                                    String profilePictureUrl,
                                    Actor requestedBy,
                                    @TargetAggregateVersion Long expectedVersion) {
}
