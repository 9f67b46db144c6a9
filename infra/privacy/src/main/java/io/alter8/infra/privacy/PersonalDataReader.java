package io.alter8.infra.privacy;

import io.alter8.api.common.EncryptedValue;

/**
 * Reads personal data that travels encrypted ({@link EncryptedValue}). The command side reads with the full
 * {@link PersonalDataCipher}; the query side has only this, over a read-only connection to the key table, so its
 * read models show a person while their key lives and nothing once it is shredded, in a replay too.
 */
public interface PersonalDataReader {

    /**
     * The plaintext of {@code value}. Only for those who may see it: callers check that.
     *
     * @throws PersonalDataErased    if its owner's data key has been shredded
     * @throws PersonalDataCorrupted if the value or its key was altered
     */
    String decrypt(EncryptedValue value);

    /** The plaintext of {@code value}, or null if there is none or its owner has been erased. */
    default String plainUnlessErased(EncryptedValue value) {
        if (value == null) {
            return null;
        }
        try {
            return decrypt(value);
        } catch (PersonalDataErased erased) {
            return null;
        }
    }
}
