package io.alter8.infra.stack;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One RSA key pair per JVM for tests and the local stack, and access tokens signed with it, the way the command
 * side signs them (RS256, issuer {@code alter8}, claims {@code sub}, {@code roles}, {@code sid}). Lets a test act as
 * any user without going through login.
 */
public final class TestTokens {

    private static final KeyPair KEYS = generate();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTokens() {
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

    public static String publicKeyPem() {
        return pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A valid access token for {@code userId} with these roles, for 15 minutes. */
    public static String mint(UUID userId, String... roles) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "alter8");
        claims.put("sub", userId.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(900).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("roles", List.of(roles));
        claims.put("sid", "test-session");
        return sign(claims);
    }

    /** A token whose signature does not match (signed with another key). */
    public static String forged(UUID userId, String... roles) {
        String token = mint(userId, roles);
        return token.substring(0, token.lastIndexOf('.') + 1) + sign(generate(), "forged");
    }

    private static String sign(Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
        return header + "." + payload + "." + sign(KEYS, header + "." + payload);
    }

    private static String sign(KeyPair keys, String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
