package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;

/**
 * Someone a tenant names: an emergency contact, a reference, a previous landlord. Their name and phone are a third
 * party's personal data and travel encrypted under the tenant's data key (masked like {@code A***} and
 * {@code +9XXXXX210}): erasing the tenant erases what they told of others too.
 */
public record ContactPerson(EncryptedValue name, String relation, EncryptedValue phone) {
}
