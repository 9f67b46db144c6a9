package io.alter8.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** Stands in for the signature check: counts the tokens it was asked to verify; "forged…" ones fail. */
    final List<String> verifiedTokens = new ArrayList<>();
    final JwtDecoder verifier = token -> {
        verifiedTokens.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(NOW)
                  .expiresAt(NOW.plus(Duration.ofMinutes(15))).build();
    };

    static JwtTimestampValidator at(Instant instant) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(Clock.fixed(instant, ZoneOffset.UTC));
        return validator;
    }

    @Test
    void aTokenIsVerifiedOnceAndServedAgainWhileValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW.plusSeconds(60)), 10);

        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifiedTokens).containsExactly("token-a");
        cache.decode("token-b");
        assertThat(verifiedTokens).containsExactly("token-a", "token-b");
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        JwtTimestampValidator clock = at(NOW.plusSeconds(60));
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 10);
        cache.decode("token-a");

        clock.setClock(Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenThatFailsIsCheckedEveryTime() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW), 10);

        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(verifiedTokens).containsExactly("forged-1", "forged-1");
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacity() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, at(NOW), 3);
        for (int i = 0; i < 10; i++) {
            cache.decode("token-" + i);
            assertThat(cache.size()).isBetween(1, 3);
        }
        cache.decode("token-9");
        assertThat(verifiedTokens).hasSize(10);
    }
}
