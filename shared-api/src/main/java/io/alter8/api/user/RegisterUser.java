package io.alter8.api.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a user. {@code registeredBy} is null when people sign themselves up, which they may do only for a
 * self-service role ({@link Role#isSelfService()}); other roles are given by an admin, and admin roles by a super
 * admin. {@code preferredLanguage} (e.g. {@code en}, {@code hi}) defaults to {@code en}. Sent again with the same
 * id and details it changes nothing. E-mail and phone must not belong to another user. E-mail, phone and names come
 * encrypted under the new user's data key.
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId,
                           EncryptedValue email,
                           EncryptedValue phone,
                           EncryptedValue firstName,
                           EncryptedValue lastName,
                           Role role,
                           Country country,
                           String preferredLanguage,
                           Actor registeredBy) {
}
