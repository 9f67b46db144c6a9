package io.alter8.web.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each access token's signature once, not on every request: a client sends the same token for its whole
 * life, and the RSA verification (with parsing the token) was a fifth of a cached search's work. A token seen before
 * is the same string, so it has the same valid signature; the claims are validated again on every use (expiry,
 * not-before, issuer), so a cached token expires exactly when it would have. Only tokens that passed are kept, at
 * most {@code capacity} of them (all dropped when full: cheaper than bookkeeping, and they are checked again).
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier  checks signature and claims (the full decoder)
     * @param validator the claim checks to repeat on each use of a verified token
     */
    public VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return known;
    }

    int size() {
        return verified.size();
    }
}
