package io.alter8.api.user;

import io.alter8.api.common.EncryptedValue;

/**
 * Someone a tenant names: an emergency contact, a reference, a previous landlord. Their phone is a third party's
 * personal data and travels encrypted (masked like {@code +9XXXXX210}).
 */
public record ContactPerson(String name, String relation, EncryptedValue phone) {
}
