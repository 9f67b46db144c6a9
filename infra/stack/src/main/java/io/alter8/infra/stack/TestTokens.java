package io.alter8.infra.stack;

import java.security.KeyPair;
import java.time.Duration;
import java.util.UUID;

/**
 * One RSA key pair per JVM for tests, and access tokens signed with it ({@link DevKeys#mint}). Lets a test act as
 * any user without going through login; {@link EmbeddedStackInitializer} gives the services the same keys.
 */
public final class TestTokens {

    private static final KeyPair KEYS = DevKeys.generate();

    private TestTokens() {
    }

    public static String publicKeyPem() {
        return DevKeys.pem("PUBLIC KEY", KEYS.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return DevKeys.pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());
    }

    /** A valid access token for {@code userId} with these roles, for 15 minutes. */
    public static String mint(UUID userId, String... roles) {
        return DevKeys.mint(KEYS.getPrivate(), userId, Duration.ofMinutes(15), roles);
    }

    /** A valid access token of login session {@code sessionId}, as the command side mints it at login. */
    public static String mintForSession(UUID userId, UUID sessionId, String... roles) {
        return DevKeys.mintForSession(KEYS.getPrivate(), userId, Duration.ofMinutes(15), sessionId.toString(), roles);
    }

    /** A well-formed token signed with another key. */
    public static String forged(UUID userId, String... roles) {
        return DevKeys.mint(DevKeys.generate().getPrivate(), userId, Duration.ofMinutes(15), roles);
    }
}
