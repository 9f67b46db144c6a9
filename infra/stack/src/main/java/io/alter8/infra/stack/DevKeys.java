package io.alter8.infra.stack;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keys for machines without a key management system: the local stack keeps an RSA pair for tokens and an Ed25519
 * pair for the event log's checkpoints in its data directory (made on first start), and tests and the benchmark sign
 * access tokens with the RSA key as the command side would (RS256, issuer {@code alter8}, claims {@code sub},
 * {@code roles}, {@code sid}).
 */
public final class DevKeys {

    public static final String PRIVATE_FILE = "jwt-private.pem";
    public static final String PUBLIC_FILE = "jwt-public.pem";
    public static final String CHECKPOINT_PRIVATE_FILE = "audit-signing.pem";
    public static final String CHECKPOINT_PUBLIC_FILE = "audit-public.pem";
    /** Public keys of checkpoint pairs retired by a rotation, PEM blocks one after another (docs/audit.md). */
    public static final String CHECKPOINT_RETIRED_FILE = "audit-retired-public.pem";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DevKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new Ed25519 pair for signing the event log's checkpoints. */
    public static KeyPair checkpointKeys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token pair kept in {@code dir}, made there (private key readable by the owner only) if it is not yet. */
    public static KeyPair loadOrCreate(Path dir) {
        return loadOrCreate(dir, PRIVATE_FILE, PUBLIC_FILE, "RSA", DevKeys::generate);
    }

    /** The checkpoint pair (Ed25519) kept in {@code dir}, made there as the token pair is. */
    public static KeyPair loadOrCreateCheckpointKeys(Path dir) {
        return loadOrCreate(dir, CHECKPOINT_PRIVATE_FILE, CHECKPOINT_PUBLIC_FILE, "Ed25519", DevKeys::checkpointKeys);
    }

    private static KeyPair loadOrCreate(Path dir, String privateName, String publicName, String algorithm,
                                        java.util.function.Supplier<KeyPair> generator) {
        Path privateFile = dir.resolve(privateName);
        Path publicFile = dir.resolve(publicName);
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile))));
                return new KeyPair(publicKey, privateKey);
            }
            KeyPair keys = generator.get();
            Files.createDirectories(dir);
            Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions apply.
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the keys in " + dir + " are not an " + algorithm + " pair", e);
        }
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not an RSA private key", e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The key's base64 body on one line, as an environment variable carries it. */
    public static String oneLine(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    /**
     * A service token for {@code userId} with these roles, signed with {@code key}: its {@code sid} ({@code dev-…},
     * the services' {@code CurrentUser.SERVICE_SESSION_PREFIX}) names no login session, and only services with
     * {@code alter8.security.jwt.service-tokens} on accept it.
     */
    public static String mint(PrivateKey key, UUID userId, Duration ttl, String... roles) {
        return mintForSession(key, userId, ttl, "dev-" + UUID.randomUUID(), roles);
    }

    /** An access token as a login of session {@code sessionId} would carry it. */
    public static String mintForSession(PrivateKey key, UUID userId, Duration ttl, String sessionId,
                                        String... roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "alter8");
        claims.put("sub", userId.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of(roles));
        claims.put("sid", sessionId);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
        return header + "." + payload + "." + sign(key, header + "." + payload);
    }

    static String sign(PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
