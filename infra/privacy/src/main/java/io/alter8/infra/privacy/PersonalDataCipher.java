package io.alter8.infra.privacy;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data with one AES-256-GCM key per user, so that it can travel in commands and events without
 * being readable there, and so that deleting a user's key ({@link #shred}) makes all of it unreadable everywhere at
 * once, the append-only event store included.
 * <p>
 * Data keys are random, stored in {@code user_data_key} wrapped by the master key (AES-256-GCM, bound to the key
 * id and owner). Each value is bound to its key id, fingerprint and masked form (GCM's associated data), so none
 * of them can be altered or the ciphertext moved to another key without {@link #decrypt} noticing.
 */
public class PersonalDataCipher implements PersonalDataReader {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final int FINGERPRINT_BYTES = 16;

    private final DataKeys keys;
    private final MasterKey master;
    private final byte[] identityIndexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(DataKeys keys, MasterKey master) {
        this.keys = keys;
        this.master = master;
        this.identityIndexKey = hmac(master.key().getEncoded(), "alter8/identity-index/v1");
    }

    /**
     * Encrypts {@code plaintext}, which belongs to {@code owner}, under the owner's data key (made on first use).
     * Normalise before encrypting ({@code ABCPE1234F}, not {@code abcpe 1234f}): equal plaintexts give equal
     * values, other spellings do not.
     *
     * @throws PersonalDataErased if the owner's key has been shredded
     */
    public EncryptedValue encrypt(UserId owner, String plaintext, Mask mask) {
        Objects.requireNonNull(plaintext, "plaintext");
        StoredKey stored = keys.findOrCreate(owner, () -> newKey(owner));
        if (stored.shredded()) {
            throw new PersonalDataErased("the personal data of user " + owner + " has been erased");
        }
        byte[] dataKey = unwrap(stored);
        try {
            String keyId = stored.keyId().toString();
            String fingerprint = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Arrays.copyOf(hmac(hmac(dataKey, "alter8/fingerprint/v1"), plaintext), FINGERPRINT_BYTES));
            String masked = mask.apply(plaintext);
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), iv,
                                associatedData(keyId, fingerprint, masked),
                                plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] ivAndSealed = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return new EncryptedValue(keyId, EncryptedValue.AES_256_GCM,
                                      Base64.getEncoder().encodeToString(ivAndSealed), fingerprint, masked);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The plaintext of {@code value}. Only for the person it belongs to and for admins: callers check that. A value
     * of an event stored before encryption ({@link EncryptedValue#STORED_PLAIN}) reads until its owner is erased.
     *
     * @throws PersonalDataErased    if its data key has been shredded (or was never stored here)
     * @throws PersonalDataCorrupted if the value or its key was altered
     */
    @Override
    public String decrypt(EncryptedValue value) {
        if (value.storedPlain()) {
            return storedPlain(value);
        }
        if (!EncryptedValue.AES_256_GCM.equals(value.algorithm())) {
            throw new PersonalDataCorrupted("unknown algorithm " + value.algorithm(), null);
        }
        UUID keyId;
        try {
            keyId = UUID.fromString(value.keyId());
        } catch (IllegalArgumentException e) {
            throw new PersonalDataCorrupted("key id is not one of ours", e);
        }
        StoredKey stored = keys.find(keyId).filter(k -> !k.shredded())
                               .orElseThrow(() -> new PersonalDataErased("this personal data has been erased"));
        byte[] dataKey = unwrap(stored);
        try {
            byte[] ivAndSealed = Base64.getDecoder().decode(value.ciphertext());
            if (ivAndSealed.length < IV_BYTES + TAG_BITS / 8) {
                throw new PersonalDataCorrupted("ciphertext is too short", null);
            }
            byte[] plain = gcm(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                               Arrays.copyOf(ivAndSealed, IV_BYTES),
                               associatedData(value.keyId(), value.fingerprint(), value.masked()),
                               Arrays.copyOfRange(ivAndSealed, IV_BYTES, ivAndSealed.length));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataCorrupted("personal data failed its integrity check", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * A value stored in plain text before its field was encrypted: as readable as the stored bytes, until its owner
     * is erased (their key is a tombstone; one is left even for an owner who never had a key).
     */
    private String storedPlain(EncryptedValue value) {
        UserId owner;
        try {
            owner = new UserId(UUID.fromString(value.keyId()));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataCorrupted("owner of a stored plain value is not a user id", e);
        }
        if (keys.ofOwner(owner).filter(StoredKey::shredded).isPresent()) {
            throw new PersonalDataErased("this personal data has been erased");
        }
        return new String(Base64.getDecoder().decode(value.ciphertext()), StandardCharsets.UTF_8);
    }

    /** A file being sealed: write the plaintext to {@code stream}; {@code keyId} names the key it is sealed with. */
    public record SealedOutput(String keyId, OutputStream stream) {
    }

    /**
     * Seals the bytes written to the returned stream into {@code out} under {@code owner}'s data key (made on first
     * use): a random IV, then AES-256-GCM bound to the key id and {@code fileId}, so a sealed file cannot be passed
     * off as another. Closing the returned stream writes the authentication tag and closes {@code out}.
     *
     * @throws PersonalDataErased if the owner's key has been shredded
     */
    public SealedOutput sealFile(UserId owner, String fileId, OutputStream out) throws IOException {
        StoredKey stored = keys.findOrCreate(owner, () -> newKey(owner));
        if (stored.shredded()) {
            throw new PersonalDataErased("the personal data of user " + owner + " has been erased");
        }
        String keyId = stored.keyId().toString();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        out.write(iv);
        return new SealedOutput(keyId, new CipherOutputStream(out, fileCipher(Cipher.ENCRYPT_MODE, stored, iv,
                                                                                keyId, fileId)));
    }

    /**
     * The plaintext of a file sealed by {@link #sealFile}. GCM releases nothing before the tag is checked, so the
     * whole file passes through memory (identity documents are small).
     *
     * @throws PersonalDataErased if its data key has been shredded: the file is unreadable for good
     */
    public InputStream openFile(String keyId, String fileId, InputStream in) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(keyId);
        } catch (IllegalArgumentException e) {
            throw new PersonalDataCorrupted("key id is not one of ours", e);
        }
        StoredKey stored = keys.find(id).filter(k -> !k.shredded())
                               .orElseThrow(() -> new PersonalDataErased("this personal data has been erased"));
        byte[] iv = in.readNBytes(IV_BYTES);
        if (iv.length < IV_BYTES) {
            throw new PersonalDataCorrupted("the sealed file is too short", null);
        }
        return new CipherInputStream(in, fileCipher(Cipher.DECRYPT_MODE, stored, iv, keyId, fileId));
    }

    private Cipher fileCipher(int mode, StoredKey stored, byte[] iv, String keyId, String fileId) {
        byte[] dataKey = unwrap(stored);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(("alter8/file/v1|" + keyId + '|' + fileId).getBytes(StandardCharsets.UTF_8));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Crypto-shredding: deletes the owner's data key, so that every value ever encrypted for them — in events,
     * snapshots, backups, read models — can no longer be read, and refuses to encrypt anything for them again.
     */
    public void shred(UserId owner) {
        keys.shred(owner);
    }

    /**
     * A keyed hash of an identity number, the same for every user, to find two users claiming the same number
     * without storing it. {@code kind} separates the kinds of numbers.
     */
    public String identityIndex(String kind, String normalisedValue) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(identityIndexKey, kind + '\n' + normalisedValue));
    }

    /**
     * A keyed hash (HMAC-SHA-256, hex) of {@code value} under a key derived from the master key for
     * {@code purpose}: a short secret such as a six-digit code, stored this way, cannot be found again by trying
     * every value without the master key.
     */
    public String keyedHash(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(hmac(master.key().getEncoded(), "alter8/keyed-hash/v1/" + purpose),
                                             value));
    }

    private StoredKey newKey(UserId owner) {
        UUID keyId = UUID.randomUUID();
        byte[] dataKey = new byte[KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, master.key(), iv, wrapContext(keyId, owner), dataKey);
            return new StoredKey(keyId, owner, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed)
                                                         .array(), master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] unwrap(StoredKey stored) {
        if (!master.id().equals(stored.masterKeyId())) {
            throw new PersonalDataCorrupted("data key " + stored.keyId() + " was wrapped by master key "
                                                    + stored.masterKeyId() + ", but the configured master key is "
                                                    + master.id(), null);
        }
        byte[] wrapped = stored.wrappedKey();
        try {
            return gcm(Cipher.DECRYPT_MODE, master.key(), Arrays.copyOf(wrapped, IV_BYTES),
                       wrapContext(stored.keyId(), stored.owner()),
                       Arrays.copyOfRange(wrapped, IV_BYTES, wrapped.length));
        } catch (AEADBadTagException e) {
            throw new PersonalDataCorrupted("data key " + stored.keyId() + " failed its integrity check", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] iv, byte[] associatedData, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(input);
    }

    private static byte[] wrapContext(UUID keyId, UserId owner) {
        return ("alter8/data-key/v1|" + keyId + '|' + owner).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String keyId, String fingerprint, String masked) {
        return ("alter8/personal-data/v1|" + keyId + '|' + fingerprint + '|' + masked)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Keys are derived by HMAC with a label, so that fingerprints, ciphertexts and indexes never share a key. */
    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
