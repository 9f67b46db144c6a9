package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a user's name, preferred language and profile picture: the user themselves or an admin. E-mail and phone
 * are not changed here (they are claimed identities and must be verified again).
 */
public record ChangePersonalDetails(@TargetAggregateIdentifier UserId userId,
                                    String firstName,
                                    String lastName,
                                    String preferredLanguage,
                                    String profilePictureUrl,
                                    Actor requestedBy,
                                    @TargetAggregateVersion Long expectedVersion) {
}
