package io.alter8.command.user;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.Mask;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.Role;
import io.alter8.infra.privacy.PersonalDataCipher;

/** {@link RegisterUser} as the sign-up builds it: e-mail, phone and names encrypted for the new user. */
final class Registrations {

    private Registrations() {
    }

    static RegisterUser register(PersonalDataCipher cipher, UserId id, EmailAddress email, PhoneNumber phone,
                                 String firstName, String lastName, Role role) {
        return new RegisterUser(id, cipher.encrypt(id, email.value(), Mask.EMAIL),
                                cipher.encrypt(id, phone.value(), Mask.PHONE),
                                cipher.encrypt(id, firstName, Mask.NAME), cipher.encrypt(id, lastName, Mask.NAME),
                                role, Country.IN, "en", null);
    }
}
