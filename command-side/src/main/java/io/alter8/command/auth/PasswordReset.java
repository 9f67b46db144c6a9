package io.alter8.command.auth;

import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.auth.otp.OtpType;
import io.alter8.web.ApiException;
import io.alter8.web.RateLimiter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Forgotten passwords: a code to the account's phone (or e-mail), then a new password with that code. Asking for a
 * code answers the same whether the login exists or not, and a reset ends every session of the account.
 */
@Service
class PasswordReset {

    record Requested(UUID challengeId, Instant expiresAt) {
    }

    private final Credentials credentials;
    private final Sessions sessions;
    private final OtpService otps;
    private final PasswordEncoder passwords;
    private final java.time.Clock clock;
    private final RateLimiter limiter;

    PasswordReset(Credentials credentials, Sessions sessions, OtpService otps, PasswordEncoder passwords,
                  java.time.Clock clock, RateLimiter limiter) {
        this.limiter = limiter;
        this.credentials = credentials;
        this.sessions = sessions;
        this.otps = otps;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Answers 202 with a challenge id whether the login exists or not. The limit per login is counted before the
     * lookup, so it refuses unknown logins as it refuses real ones; a send the code sender refuses (too many codes
     * to that phone, the SMS ceiling) answers like an unknown login, since only real accounts get that far.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public Requested request(String login) {
        limiter.requireWithin("password_reset", login);
        Instant expires = clock.instant().plus(java.time.Duration.ofMinutes(10));
        // No account, or no code sent: an id that matches nothing, so the answer tells nothing.
        Requested nothingSent = new Requested(UUID.randomUUID(), expires);
        return credentials.contactOf(login).map(c -> {
            try {
                return new Requested(otps.send(OtpType.PASSWORD_RESET, c.userId(), c.phone(),
                                               c.phone() == null ? c.email() : null).id(), expires);
            } catch (ApiException refused) {
                return nothingSent;
            }
        }).orElse(nothingSent);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public void confirm(UUID challengeId, String code, String newPassword) {
        OtpService.Challenge challenge = otps.verify(challengeId, OtpType.PASSWORD_RESET, code);
        credentials.setPasswordHash(challenge.userId(), passwords.encode(newPassword));
        sessions.revokeAll(challenge.userId(), "password-reset");
    }
}
