package io.alter8.api.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * <p>
 * A value of an event stored before its field was encrypted is upcast to algorithm {@link #STORED_PLAIN}
 * ({@link #ofStoredPlain}): its "ciphertext" is the stored plaintext in base64 and its key id the owner's user id
 * (there was no key to name). It is as readable as the stored bytes were, and readers treat it like any other value:
 * it reads while its owner is not erased, and as erased once their key is shredded.
 */
public record EncryptedValue(String keyId, String algorithm, String ciphertext, String fingerprint, String masked) {

    public static final String AES_256_GCM = "AES-256-GCM";
    public static final String STORED_PLAIN = "stored-plain";

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

    /**
     * The form a plain value of an event stored before encryption is upcast to; {@code owner} is the id of the user
     * whose erasure makes it unreadable.
     */
    public static EncryptedValue ofStoredPlain(String owner, String plaintext, Mask mask) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    ("alter8/stored-plain/v1|" + owner + '|' + plaintext).getBytes(StandardCharsets.UTF_8));
            return new EncryptedValue(owner, STORED_PLAIN, Base64.getEncoder().encodeToString(bytes),
                                      Base64.getUrlEncoder().withoutPadding().encodeToString(hash),
                                      mask.apply(plaintext));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this is a value of an event stored before encryption ({@link #ofStoredPlain}). */
    public boolean storedPlain() {
        return STORED_PLAIN.equals(algorithm);
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
