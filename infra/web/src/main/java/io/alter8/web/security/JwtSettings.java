package io.alter8.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * How both services check access tokens: RS256 signatures against the public key, from this issuer. Only the
 * command side holds the private key and can mint tokens; the query side cannot.
 *
 * @param publicKey   PEM ({@code -----BEGIN PUBLIC KEY-----}) or its base64 body
 * @param publicPaths   paths open without a token, beside the ones every service has (health, API docs)
 * @param serviceTokens whether tokens minted outside a login (no session) are accepted: on for the local stack,
 *                      which mints them with its own key ({@code alter8 token}), and for tests; off elsewhere
 */
@ConfigurationProperties("alter8.security.jwt")
public record JwtSettings(String publicKey, String issuer, List<String> publicPaths, boolean serviceTokens) {

    public JwtSettings {
        issuer = issuer == null || issuer.isBlank() ? "alter8" : issuer;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
