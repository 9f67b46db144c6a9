package io.alter8.api.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** {@code registeredBy} is null for a self sign-up. */
@Revision("1")
public record UserRegistered(UserId userId,
                             EmailAddress email,
                             PhoneNumber phone,
                             String firstName,
                             String lastName,
                             Role role,
                             Country country,
                             String preferredLanguage,
                             UserId registeredBy) {
}
