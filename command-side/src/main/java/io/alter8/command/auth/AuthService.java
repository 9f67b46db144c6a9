package io.alter8.command.auth;

import io.alter8.api.common.UserId;
import io.alter8.api.user.RecordLogin;
import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.auth.otp.OtpType;
import io.alter8.web.ApiException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import io.alter8.web.Problems;
import io.alter8.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Login, refresh, logout and sessions. Every refusal of a login reads the same, whether the login is unknown, the
 * password wrong, the account locked or deactivated: the answer must not tell whether an account exists.
 */
@Service
class AuthService {

    /** Compared against when the login is unknown, so that unknown and known logins take the same time. */
    private final String unknownUserHash;
    private final Credentials credentials;
    private final Sessions sessions;
    private final AccessTokens accessTokens;
    private final PasswordEncoder passwords;
    private final AuthSettings settings;
    private final Clock clock;
    private final CommandGateway commands;
    private final OtpService otps;
    private final RateLimiter limiter;

    AuthService(Credentials credentials, Sessions sessions, AccessTokens accessTokens, PasswordEncoder passwords,
                AuthSettings settings, Clock clock, CommandGateway commands, OtpService otps, RateLimiter limiter) {
        this.commands = commands;
        this.limiter = limiter;
        this.otps = otps;
        this.credentials = credentials;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    record Client(String deviceInfo, String ipAddress, String userAgent) {
    }

    record TokenPair(String accessToken, Instant accessTokenExpiresAt, String refreshToken, UUID sessionId) {
    }

    record SessionView(UUID id, String deviceInfo, String ipAddress, String userAgent, Instant createdAt,
                       Instant lastUsedAt, Instant expiresAt, boolean current) {
    }

    @Transactional(noRollbackFor = ApiException.class)
    public LoginResult login(String login, String password, Client client) {
        // Per login name, from any address, known or not: spraying one account from many addresses stops here.
        limiter.requireWithin("login", login);
        Instant now = clock.instant();
        Credentials.Credential credential = credentials.findByLogin(login).orElse(null);
        if (credential == null || credential.lockedAt(now) || !credential.active()) {
            // As slow as checking a real password, so that the time of the answer tells nothing either.
            passwords.matches(password, unknownUserHash);
            throw invalidLogin();
        }
        if (!passwords.matches(password, credential.passwordHash())) {
            credentials.recordFailure(credential.userId(), settings.maxFailedLogins(), now.plus(settings.lockout()));
            throw invalidLogin();
        }
        credentials.recordSuccess(credential.userId(), now);
        if (passwords.upgradeEncoding(credential.passwordHash())) {
            // A hash from before Argon2id: the password is at hand only now, so rehash it now.
            credentials.setPasswordHash(credential.userId(), passwords.encode(password));
        }
        if (credential.twoFactor()) {
            Credentials.Contact contact = credentials.contactOf(credential.userId()).orElseThrow();
            OtpService.Challenge challenge = otps.send(OtpType.LOGIN_2FA, credential.userId(), contact.phone(),
                                                       contact.phone() == null ? contact.email() : null);
            return new SecondFactorNeeded(challenge.id(), now.plus(java.time.Duration.ofMinutes(10)));
        }
        return new LoggedIn(openSession(credential, client, now));
    }

    /** The second step of a two-factor login: the code sent at the first. */
    @Transactional(noRollbackFor = ApiException.class)
    public TokenPair completeLogin(UUID challengeId, String code, Client client) {
        Instant now = clock.instant();
        OtpService.Challenge challenge = otps.verify(challengeId, OtpType.LOGIN_2FA, code);
        Credentials.Credential credential = credentials.findById(challenge.userId())
                                                       .filter(c -> c.active() && !c.lockedAt(now))
                                                       .orElseThrow(AuthService::invalidLogin);
        return openSession(credential, client, now);
    }

    /**
     * Turning two-factor login off weakens the account, so it takes the password again: a stolen access token alone
     * must not be enough. A wrong password counts towards the lockout like a failed login.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public void setTwoFactor(UUID userId, boolean enabled, String password) {
        if (!enabled) {
            Instant now = clock.instant();
            Credentials.Credential credential = credentials.findById(userId).orElseThrow(AuthService::wrongPassword);
            if (credential.lockedAt(now)) {
                passwords.matches(password, unknownUserHash);
                throw wrongPassword();
            }
            if (!passwords.matches(password, credential.passwordHash())) {
                credentials.recordFailure(userId, settings.maxFailedLogins(), now.plus(settings.lockout()));
                throw wrongPassword();
            }
        }
        credentials.setTwoFactor(userId, enabled);
    }

    /** What a correct password leads to: tokens, or (two-factor accounts) a code to send back first. */
    sealed interface LoginResult permits LoggedIn, SecondFactorNeeded {
    }

    record LoggedIn(TokenPair tokens) implements LoginResult {
    }

    record SecondFactorNeeded(UUID challengeId, Instant expiresAt) implements LoginResult {
    }

    private TokenPair openSession(Credentials.Credential credential, Client client, Instant now) {
        // The account's own history records the login too (last login); same transaction as the session.
        commands.sendAndWait(new RecordLogin(new UserId(credential.userId()), now));
        UUID sessionId = sessions.open(credential.userId(), client.deviceInfo(), client.ipAddress(),
                                       client.userAgent(), now.plus(settings.refreshTokenTtl()));
        return tokens(credential, sessionId, now);
    }

    @Transactional(noRollbackFor = ApiException.class)
    public TokenPair refresh(String refreshToken) {
        Instant now = clock.instant();
        Sessions.RefreshLookup found = sessions.findRefreshToken(refreshToken).orElseThrow(AuthService::invalidRefresh);
        if (found.spent() || !sessions.spend(refreshToken)) {
            // A spent token again: someone holds a copy. End the session, so the copy and the original both die.
            sessions.revoke(found.sessionId(), "refresh-token-reuse");
            throw invalidRefresh();
        }
        Sessions.Session session = sessions.find(found.sessionId()).orElseThrow(AuthService::invalidRefresh);
        Credentials.Credential credential = credentials.findById(found.userId()).orElseThrow(AuthService::invalidRefresh);
        if (!session.activeAt(now) || found.expiresAt().isBefore(now) || !credential.active()) {
            throw invalidRefresh();
        }
        sessions.touch(session.id(), now);
        return tokens(credential, session.id(), now);
    }

    @Transactional
    public void logout(UUID sessionId) {
        sessions.revoke(sessionId, "logout");
    }

    @Transactional(readOnly = true)
    public List<SessionView> sessionsOf(UUID userId, UUID currentSession) {
        return sessions.ofUser(userId).stream()
                       .filter(s -> s.activeAt(clock.instant()))
                       .map(s -> new SessionView(s.id(), s.deviceInfo(), s.ipAddress(), s.userAgent(),
                                                 s.createdAt(), s.lastUsedAt(), s.expiresAt(),
                                                 s.id().equals(currentSession)))
                       .toList();
    }

    /** Ends one of the caller's own sessions; someone else's is "not found", as if it did not exist. */
    @Transactional
    public void revoke(UUID userId, UUID sessionId) {
        Sessions.Session session = sessions.find(sessionId)
                                           .filter(s -> s.userId().equals(userId))
                                           .orElseThrow(() -> ApiException.notFound("session", sessionId));
        sessions.revoke(session.id(), "revoked-by-user");
    }

    private TokenPair tokens(Credentials.Credential credential, UUID sessionId, Instant now) {
        String refresh = sessions.issueRefreshToken(sessionId, now.plus(settings.refreshTokenTtl()));
        AccessTokens.Issued access = accessTokens.issue(credential.userId(), credential.roles(), sessionId);
        return new TokenPair(access.token(), access.expiresAt(), refresh, sessionId);
    }

    private static ApiException invalidLogin() {
        return new ApiException(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                                            "the login or password is wrong, or the account cannot log in now"));
    }

    private static ApiException wrongPassword() {
        return new ApiException(Problems.of(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
                                            "the password is wrong, or the account is locked for now"));
    }

    private static ApiException invalidRefresh() {
        return new ApiException(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-refresh-token",
                                            "Invalid refresh token", "log in again"));
    }
}
