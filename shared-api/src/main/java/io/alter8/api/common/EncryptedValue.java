package io.alter8.api.common;

import java.util.Base64;
import java.util.Objects;

/**
 * A piece of personal data (an identity number, a bank account number, a third party's phone) as it travels in
 * commands and events: encrypted with its owner's data key, never in plain text.
 * <ul>
 *   <li>{@code keyId} — the owner's data key; deleting that key makes the value unreadable for good.</li>
 *   <li>{@code algorithm} — {@code AES-256-GCM}.</li>
 *   <li>{@code ciphertext} — base64 of the 12-byte IV followed by the ciphertext and its 16-byte tag.</li>
 *   <li>{@code fingerprint} — a keyed hash of the plaintext under the same data key: equal plaintexts of one owner
 *       have equal fingerprints, so a command can tell that nothing changed although every encryption differs.
 *       Without the key it reveals nothing, and it is as dead as the ciphertext once the key is deleted.</li>
 *   <li>{@code masked} — what may be shown to anyone: {@code XXXXXX234F}, {@code +9XXXXX210}.</li>
 * </ul>
 * Two values are equal when they hold the same plaintext under the same key (same key and fingerprint), whatever
 * their ciphertexts.
 */
public record EncryptedValue(String keyId, String algorithm, String ciphertext, String fingerprint, String masked) {

    public static final String AES_256_GCM = "AES-256-GCM";

    public EncryptedValue {
        requireText(keyId, "keyId");
        requireText(algorithm, "algorithm");
        requireText(ciphertext, "ciphertext");
        requireText(fingerprint, "fingerprint");
        Objects.requireNonNull(masked, "masked");
        try {
            Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ciphertext must be base64");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedValue that
                && keyId.equals(that.keyId) && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, fingerprint);
    }

    /** Only the masked form: logs and messages must not carry even the ciphertext around. */
    @Override
    public String toString() {
        return masked;
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
