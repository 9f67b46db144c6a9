package io.alter8.command.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.alter8.web.security.CurrentUser;
import io.alter8.web.security.PemKeys;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Mints the short-lived access tokens both services accept (RS256; see {@code ApiSecurityConfiguration}). */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final AuthSettings settings;
    private final Clock clock;

    AccessTokens(AuthSettings settings, Clock clock) {
        RSAKey key = new RSAKey.Builder(PemKeys.publicKey(settings.publicKey(), "alter8.security.jwt.public-key"))
                .privateKey(PemKeys.privateKey(settings.privateKey(), "alter8.security.jwt.private-key"))
                .keyID("alter8")
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.settings = settings;
        this.clock = clock;
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(UUID userId, List<String> roles, UUID sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.accessTokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                                          .issuer(settings.issuer())
                                          .subject(userId.toString())
                                          .issuedAt(now)
                                          .expiresAt(expires)
                                          .id(UUID.randomUUID().toString())
                                          .claim(CurrentUser.ROLES_CLAIM, roles)
                                          .claim(CurrentUser.SESSION_CLAIM, sessionId.toString())
                                          .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("alter8").build();
        return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expires);
    }
}
