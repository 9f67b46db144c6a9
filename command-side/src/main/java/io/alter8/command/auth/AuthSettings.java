package io.alter8.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Login policy. Defaults follow issue 3: access tokens live 15 minutes, refresh tokens 30 days, 5 failed logins
 * lock the account for 15 minutes.
 *
 * @param privateKey PEM (PKCS#8) or its base64 body; only the command side has it
 */
@ConfigurationProperties("alter8.security.jwt")
record AuthSettings(String privateKey, String publicKey, String issuer, Duration accessTokenTtl,
                    Duration refreshTokenTtl, int maxFailedLogins, Duration lockout, int bcryptStrength) {

    AuthSettings {
        issuer = issuer == null || issuer.isBlank() ? "alter8" : issuer;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        bcryptStrength = bcryptStrength <= 0 ? 10 : bcryptStrength;
    }
}
