package io.alter8.command.auth;

import io.alter8.api.common.Country;
import io.alter8.api.common.EmailAddress;
import io.alter8.api.common.Mask;
import io.alter8.api.common.NotificationChannel;
import io.alter8.api.common.PhoneNumber;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import io.alter8.api.user.RegisterUser;
import io.alter8.api.user.Role;
import io.alter8.command.NotPermitted;
import io.alter8.command.auth.otp.OtpService;
import io.alter8.command.auth.otp.OtpType;
import io.alter8.command.notification.NotificationOutbox;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.alter8.web.RateLimiter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sign-up. A self sign-up answers the same whether its e-mail address or phone is taken or not: a code goes to
 * each contact that is free, and the owner of each one that is taken is told by e-mail that someone tried to sign
 * up with it. The account is made only when both codes come back ({@link #complete}), so only someone who holds
 * both contacts ever learns anything. Admins register accounts directly, for any role they may give.
 * <p>
 * The account (a {@code UserAccount}, through its command) and the way to log in (a credential row) are made in
 * one transaction — Axon's unit of work joins the one opened here — so there is never one without the other. The
 * password hash stays in the credential row, out of the event.
 */
@Service
class Registration {

    static final Duration VALIDITY = Duration.ofMinutes(10);

    record Request(UUID id, EmailAddress email, PhoneNumber phone, String firstName, String lastName, Role role,
                   Country country, String preferredLanguage, String password) {
    }

    /** What a self sign-up answers, taken contacts or not. */
    record SignUpStarted(UUID registrationId, Instant expiresAt) {
    }

    private final CommandSender commands;
    private final Credentials credentials;
    private final PasswordEncoder passwords;
    private final OtpService otps;
    private final NotificationOutbox outbox;
    private final RateLimiter limiter;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PersonalDataCipher cipher;

    Registration(CommandSender commands, Credentials credentials, PasswordEncoder passwords, OtpService otps,
                 NotificationOutbox outbox, RateLimiter limiter, JdbcTemplate jdbc, Clock clock,
                 PersonalDataCipher cipher) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.otps = otps;
        this.outbox = outbox;
        this.limiter = limiter;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    /**
     * Starts a self sign-up. Per e-mail address and per phone, from any client address, at most a few an hour
     * ({@code registration} in {@code alter8.rate-limits.per-target}), counted whether taken or not; refused sends
     * (too many codes to one phone, the SMS ceiling) answer the same too.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public SignUpStarted start(Request request) {
        if (!request.role().isSelfService()) {
            throw new NotPermitted("only owners, tenants, agents and property managers can sign themselves up");
        }
        limiter.requireWithin("registration", request.email().value());
        limiter.requireWithin("registration", request.phone().value());
        Instant now = clock.instant();
        jdbc.update("DELETE FROM pending_registration WHERE expires_at < ?", Timestamp.from(now));
        UUID registrationId = UUID.randomUUID();
        // The account's id is the server's: a chosen one could be another user's, whose key would seal the codes.
        UUID userId = UUID.randomUUID();
        // Hashed on both paths, so that a taken contact is not told apart by a quicker answer.
        String passwordHash = passwords.encode(request.password());
        String email = Credentials.normaliseEmail(request.email().value());
        String phone = request.phone().value();
        UUID emailChallenge = challengeOrNotice(email, "e-mail address",
                                                () -> send(OtpType.EMAIL_VERIFICATION, userId, null, email));
        UUID phoneChallenge = challengeOrNotice(phone, "phone number",
                                                () -> send(OtpType.PHONE_VERIFICATION, userId, phone, null));
        Instant expires = now.plus(VALIDITY);
        jdbc.update("""
                INSERT INTO pending_registration (id, user_id, email, phone, first_name, last_name, role, country,
                    preferred_language, password_hash, email_challenge, phone_challenge, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    registrationId, userId, email, phone, request.firstName(), request.lastName(),
                    request.role().wire(), request.country().wire(), language(request.preferredLanguage()),
                    passwordHash, emailChallenge, phoneChallenge, Timestamp.from(expires));
        return new SignUpStarted(registrationId, expires);
    }

    /**
     * Finishes a self sign-up with the codes sent to its e-mail address and phone: the account is made (201).
     * Unknown, expired or finished sign-ups, wrong codes and sign-ups with a taken contact are all the same 400.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public ResponseEntity<CommandAccepted> complete(UUID registrationId, String emailCode, String phoneCode) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT * FROM pending_registration WHERE id = ? AND expires_at > ? FOR UPDATE", registrationId,
                Timestamp.from(clock.instant()));
        if (rows.isEmpty() || rows.get(0).get("email_challenge") == null
                || rows.get(0).get("phone_challenge") == null) {
            throw OtpService.wrongCode();
        }
        Map<String, Object> row = rows.get(0);
        otps.verifyAll(List.of(
                new OtpService.Attempt((UUID) row.get("email_challenge"), OtpType.EMAIL_VERIFICATION, emailCode),
                new OtpService.Attempt((UUID) row.get("phone_challenge"), OtpType.PHONE_VERIFICATION, phoneCode)));
        jdbc.update("DELETE FROM pending_registration WHERE id = ?", registrationId);
        Request request = new Request((UUID) row.get("user_id"), new EmailAddress((String) row.get("email")),
                                      new PhoneNumber((String) row.get("phone")), (String) row.get("first_name"),
                                      (String) row.get("last_name"), Role.fromWire((String) row.get("role")),
                                      Country.fromWire((String) row.get("country")),
                                      (String) row.get("preferred_language"), null);
        return create(request, (String) row.get("password_hash"), null);
    }

    /** An admin registers an account directly: no codes, the admin recorded as who registered it. */
    @Transactional
    public ResponseEntity<CommandAccepted> registerBy(Actor admin, Request request) {
        return create(request, passwords.encode(request.password()), admin);
    }

    private ResponseEntity<CommandAccepted> create(Request request, String passwordHash, Actor by) {
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        UserId userId = new UserId(id);
        ResponseEntity<CommandAccepted> answer = commands.create(
                new RegisterUser(userId, cipher.encrypt(userId, request.email().value(), Mask.EMAIL),
                                 cipher.encrypt(userId, request.phone().value(), Mask.PHONE),
                                 cipher.encrypt(userId, request.firstName(), Mask.NAME),
                                 cipher.encrypt(userId, request.lastName(), Mask.NAME), request.role(),
                                 request.country(), language(request.preferredLanguage()), by),
                userId, "/api/users/" + id);
        if (credentials.findById(id).isEmpty()) {
            try {
                credentials.create(id, request.email().value(), request.phone().value(), passwordHash,
                                   List.of(request.role().wire()));
            } catch (DuplicateKeyException e) {
                // Nothing of it may stay, though completing keeps what a refusal writes (the tries of codes).
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                // Only an admin, or someone who just proved they hold both contacts, gets this far.
                throw ApiException.conflict("already-registered", "Already registered",
                                            "an account with this e-mail or phone exists");
            }
        }
        return answer;
    }

    private UUID send(OtpType type, UUID userId, String phone, String email) {
        try {
            return otps.send(type, userId, phone, email).id();
        } catch (ApiException refused) {
            // Too many codes to this contact, or the SMS ceiling: answered like a taken contact, which gets none.
            return null;
        }
    }

    /**
     * A code to a free contact; for a taken one, no challenge (the sign-up cannot finish) and an e-mail to the
     * account that holds it, so that its owner learns of the attempt and the caller learns nothing.
     */
    private UUID challengeOrNotice(String contact, String what, Supplier<UUID> sendCode) {
        Optional<Credentials.Contact> holder = credentials.contactOf(contact);
        if (holder.isEmpty()) {
            return sendCode.get();
        }
        Optional.ofNullable(holder.get().email()).ifPresent(
                to -> outbox.enqueue(NotificationChannel.EMAIL, to, "registration_attempt", Map.of("contact", what)));
        return null;
    }

    static String language(String given) {
        return given == null || given.isBlank() ? "en" : given.strip().toLowerCase(Locale.ROOT);
    }
}
