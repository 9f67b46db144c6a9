package io.alter8.command.privacy;

import io.alter8.api.common.EncryptedValue;

/**
 * Whether two encrypted values hold the same plaintext. Values under one key compare by fingerprint
 * ({@link EncryptedValue#equals}); a value upcast from an event stored before encryption has no fingerprint under
 * the key, so this reads both. A port of the aggregates that compare personal data, faked in fixture tests.
 */
public interface SamePlaintext {

    boolean same(EncryptedValue a, EncryptedValue b);
}
