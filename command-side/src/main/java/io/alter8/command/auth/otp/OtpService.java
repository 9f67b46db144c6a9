package io.alter8.command.auth.otp;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;
import io.alter8.api.common.NotificationChannel;
import io.alter8.api.common.UserId;
import io.alter8.command.notification.NotificationOutbox;
import io.alter8.command.notification.Priority;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import io.alter8.web.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time passwords (issue 3): six digits, valid ten minutes, five tries, at most three sent per destination per
 * hour (Redis {@code rate_limit:otp:{phone}}), and all SMS together under the {@code sms} ceiling of
 * {@code alter8.rate-limits.per-target} (against SMS pumping). A code is stored only as a keyed hash
 * ({@link PersonalDataCipher#keyedHash}: six digits hashed without a key are found again by trying all of them),
 * queued in the outbox only encrypted under its recipient's data key, and handed to a sender in memory; no log line
 * carries one.
 */
@Service
public class OtpService {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_SENDS_PER_HOUR = 3;
    private static final Logger log = LoggerFactory.getLogger(OtpService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DefaultRedisScript<Long> COUNT_SEND = new DefaultRedisScript<>("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('EXPIRE', KEYS[1], 3600) end
            return count""", Long.class);

    /** A challenge as it is kept: the destination and who it is for, never the code. */
    public record Challenge(UUID id, UUID userId, String phone, String email, OtpType type) {
    }

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final NotificationOutbox outbox;
    private final Clock clock;
    private final PersonalDataCipher cipher;
    private final RateLimiter limiter;

    OtpService(JdbcTemplate jdbc, StringRedisTemplate redis, NotificationOutbox outbox, Clock clock,
               PersonalDataCipher cipher, RateLimiter limiter) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.outbox = outbox;
        this.clock = clock;
        this.cipher = cipher;
        this.limiter = limiter;
    }

    /**
     * Sends a code to a phone (SMS) or an e-mail address; answers the challenge id the code must be verified with.
     * The code is encrypted for {@code userId}, the account it is for (or will be, for a sign-up). A refused send
     * (429, 503) stores nothing and leaves the caller's transaction to commit what it did before.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public Challenge send(OtpType type, UUID userId, String phone, String email) {
        String destination = phone != null ? phone : email;
        countSend(destination);
        if (phone != null) {
            limiter.requireWithin("sms", "all");
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(VALIDITY);
        jdbc.update("""
                INSERT INTO otp_verification (id, user_id, phone, email, code_hash, otp_type, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, userId, phone, email, hash(id, code), type.wire(),
                    Timestamp.from(expires));
        EncryptedValue sealed = cipher.encrypt(new UserId(userId), code, Mask.LAST_FOUR);
        // Urgent: a code is useless after ten minutes, and it jumps the queue and any quiet hours.
        outbox.enqueue(new NotificationOutbox.Entry(
                null, userId, phone != null ? NotificationChannel.SMS : NotificationChannel.EMAIL, destination,
                "otp_" + type.wire(), 1, "en", Priority.URGENT, null,
                Map.of("code", sealed, "validMinutes", VALIDITY.toMinutes()),
                Map.of("code", code, "validMinutes", VALIDITY.toMinutes())));
        return new Challenge(id, userId, phone, email, type);
    }

    /** A code sent back for a challenge. */
    public record Attempt(UUID challengeId, OtpType type, String code) {
    }

    /**
     * Checks a code. The right code, in time and within the tries, spends the challenge and answers it; anything
     * else counts a try and is refused, the same way whatever was wrong.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public Challenge verify(UUID challengeId, OtpType type, String code) {
        return verifyAll(List.of(new Attempt(challengeId, type, code))).get(0);
    }

    /**
     * Checks several codes that prove one thing together (a sign-up's e-mail and phone): each wrong one counts a
     * try; only when all are right are they all spent, so one mistyped code does not waste the others.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public List<Challenge> verifyAll(List<Attempt> attempts) {
        List<Challenge> passed = new ArrayList<>();
        for (Attempt attempt : attempts) {
            check(attempt).ifPresent(passed::add);
        }
        if (passed.size() < attempts.size()) {
            throw wrongCode();
        }
        for (Challenge challenge : passed) {
            jdbc.update("UPDATE otp_verification SET is_used = TRUE, attempts = attempts + 1 WHERE id = ?",
                        challenge.id());
        }
        return passed;
    }

    private Optional<Challenge> check(Attempt attempt) {
        UUID challengeId = attempt.challengeId();
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT user_id, phone, email, code_hash, attempts, is_used, expires_at FROM otp_verification
                WHERE id = ? AND otp_type = ? FOR UPDATE""", challengeId, attempt.type().wire());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        int attempts = ((Number) row.get("attempts")).intValue();
        boolean used = (Boolean) row.get("is_used");
        Instant expires = ((Timestamp) row.get("expires_at")).toInstant();
        if (used || attempts >= MAX_ATTEMPTS || expires.isBefore(clock.instant())) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(hash(challengeId, attempt.code()).getBytes(StandardCharsets.US_ASCII),
                                   ((String) row.get("code_hash")).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.update("UPDATE otp_verification SET attempts = attempts + 1 WHERE id = ?", challengeId);
            return Optional.empty();
        }
        return Optional.of(new Challenge(challengeId, (UUID) row.get("user_id"), (String) row.get("phone"),
                                         (String) row.get("email"), attempt.type()));
    }

    /** Expired codes are of no use to anyone: a day after they expire they are deleted. */
    @Transactional
    public int forgetExpired() {
        return jdbc.update("DELETE FROM otp_verification WHERE expires_at < now() - interval '1 day'");
    }

    /** An erased user's codes go at once: each row names their phone or e-mail address. */
    public void forgetUser(UUID userId) {
        jdbc.update("DELETE FROM otp_verification WHERE user_id = ?", userId);
    }

    private void countSend(String destination) {
        Long sends;
        try {
            sends = redis.execute(COUNT_SEND, List.of("rate_limit:otp:" + destination));
        } catch (DataAccessException e) {
            // Every code sent may cost an SMS: without the counter, send none.
            log.warn("One-time password not sent: Redis is unreachable ({})", e.getMessage());
            throw new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "otp-unavailable",
                                               "Cannot send codes now", "retry in a minute"));
        }
        if (Optional.ofNullable(sends).orElse(0L) > MAX_SENDS_PER_HOUR) {
            Long ttl = redis.getExpire("rate_limit:otp:" + destination);
            throw new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "otp-rate-limited",
                                               "Too many codes", "at most " + MAX_SENDS_PER_HOUR
                                                       + " codes an hour to one phone or address"))
                    .withHeader("Retry-After", Long.toString(ttl == null || ttl < 1 ? 3600 : ttl));
        }
    }

    /** The one answer to any code that does not verify: it must not tell what was wrong. */
    public static ApiException wrongCode() {
        return new ApiException(Problems.of(HttpStatus.BAD_REQUEST, "invalid-otp", "Invalid code",
                                            "the code is wrong, expired, used, or tried too often; ask for a new one"));
    }

    private String hash(UUID challengeId, String code) {
        return cipher.keyedHash("otp-code", challengeId + ":" + code);
    }
}
