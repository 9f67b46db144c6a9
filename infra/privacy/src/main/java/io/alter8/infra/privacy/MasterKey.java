package io.alter8.infra.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every data key ({@code alter8.privacy.master-key}: 32 bytes, base64). Its id, a hash of the
 * key, is stored beside each wrapped data key, so that a service started with another master key says so instead
 * of failing on every read.
 */
public final class MasterKey {

    /**
     * The default of application.yml, for running locally only. It is public, so it protects nothing: its bytes
     * spell that out, and the service refuses to start with it under the {@code prod} profile.
     */
    public static final String LOCAL_DEVELOPMENT_KEY = Base64.getEncoder().encodeToString(
            "alter8-local-dev-key-NOT-SECRET!".getBytes(StandardCharsets.US_ASCII));

    private final SecretKey key;
    private final String id;
    private final boolean localDevelopment;

    private MasterKey(byte[] bytes, boolean localDevelopment) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
        this.localDevelopment = localDevelopment;
    }

    /**
     * Reads the configured key. Refuses a missing or malformed key, and the local development key when
     * {@code production} is true.
     */
    public static MasterKey of(String base64, boolean production) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("alter8.privacy.master-key is not set: give it 32 random bytes in "
                                                    + "base64 (e.g. openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("alter8.privacy.master-key must be base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("alter8.privacy.master-key must be 32 bytes (AES-256), not "
                                                    + bytes.length);
        }
        boolean local = Arrays.equals(bytes, Base64.getDecoder().decode(LOCAL_DEVELOPMENT_KEY));
        if (local && production) {
            throw new IllegalStateException("alter8.privacy.master-key is the public local development key; set "
                                                    + "ALTER8_PRIVACY_MASTER_KEY to a secret key under the prod "
                                                    + "profile");
        }
        return new MasterKey(bytes, local);
    }

    SecretKey key() {
        return key;
    }

    public String id() {
        return id;
    }

    public boolean isLocalDevelopmentKey() {
        return localDevelopment;
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("alter8/master-key-id/v1".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
