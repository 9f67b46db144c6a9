package io.alter8.command.auth;

import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.auth.otp.OtpType;
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

    PasswordReset(Credentials credentials, Sessions sessions, OtpService otps, PasswordEncoder passwords,
                  java.time.Clock clock) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.otps = otps;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public Requested request(String login) {
        Instant expires = clock.instant().plus(java.time.Duration.ofMinutes(10));
        return credentials.contactOf(login)
                          .map(c -> new Requested(otps.send(OtpType.PASSWORD_RESET, c.userId(), c.phone(),
                                                            c.phone() == null ? c.email() : null).id(), expires))
                          // No account: an id that matches nothing, so the answer tells nothing.
                          .orElseGet(() -> new Requested(UUID.randomUUID(), expires));
    }

    @Transactional(noRollbackFor = io.alter8.web.ApiException.class)
    public void confirm(UUID challengeId, String code, String newPassword) {
        OtpService.Challenge challenge = otps.verify(challengeId, OtpType.PASSWORD_RESET, code);
        credentials.setPasswordHash(challenge.userId(), passwords.encode(newPassword));
        sessions.revokeAll(challenge.userId(), "password-reset");
    }
}
