package io.alter8.api.user;

import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonalDetailsChanged(UserId userId,
                                     String firstName,
                                     String lastName,
                                     String preferredLanguage,
                                     String profilePictureUrl,
                                     UserId changedBy) {
}
