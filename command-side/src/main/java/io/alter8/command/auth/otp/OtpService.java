package io.alter8.command.auth.otp;

import io.alter8.web.ApiException;
import io.alter8.web.Problems;
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
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time passwords (issue 3): six digits, valid ten minutes, five tries, at most three sent per destination per
 * hour (Redis {@code rate_limit:otp:{phone}}). Codes are stored as hashes and leave only through the notification
 * outbox; no log line carries one.
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

    OtpService(JdbcTemplate jdbc, StringRedisTemplate redis, NotificationOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Sends a code to a phone (SMS) or an e-mail address; answers the challenge id the code must be verified with. */
    @Transactional
    public Challenge send(OtpType type, UUID userId, String phone, String email) {
        String destination = phone != null ? phone : email;
        countSend(destination);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(VALIDITY);
        jdbc.update("""
                INSERT INTO otp_verification (id, user_id, phone, email, code_hash, otp_type, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, userId, phone, email, hash(id, code), type.wire(),
                    Timestamp.from(expires));
        outbox.enqueue(phone != null ? "sms" : "email", destination, "otp_" + type.wire(),
                       Map.of("code", code, "validMinutes", VALIDITY.toMinutes()));
        return new Challenge(id, userId, phone, email, type);
    }

    /**
     * Checks a code. The right code, in time and within the tries, spends the challenge and answers it; anything
     * else counts a try and is refused, the same way whatever was wrong.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public Challenge verify(UUID challengeId, OtpType type, String code) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT user_id, phone, email, code_hash, attempts, is_used, expires_at FROM otp_verification
                WHERE id = ? AND otp_type = ? FOR UPDATE""", challengeId, type.wire());
        if (rows.isEmpty()) {
            throw wrongCode();
        }
        Map<String, Object> row = rows.get(0);
        int attempts = ((Number) row.get("attempts")).intValue();
        boolean used = (Boolean) row.get("is_used");
        Instant expires = ((Timestamp) row.get("expires_at")).toInstant();
        if (used || attempts >= MAX_ATTEMPTS || expires.isBefore(clock.instant())) {
            throw wrongCode();
        }
        if (!MessageDigest.isEqual(hash(challengeId, code).getBytes(StandardCharsets.US_ASCII),
                                   ((String) row.get("code_hash")).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.update("UPDATE otp_verification SET attempts = attempts + 1 WHERE id = ?", challengeId);
            throw wrongCode();
        }
        jdbc.update("UPDATE otp_verification SET is_used = TRUE, attempts = attempts + 1 WHERE id = ?", challengeId);
        return new Challenge(challengeId, (UUID) row.get("user_id"), (String) row.get("phone"),
                             (String) row.get("email"), type);
    }

    /** Expired codes are of no use to anyone: a day after they expire they are deleted. */
    @Transactional
    public int forgetExpired() {
        return jdbc.update("DELETE FROM otp_verification WHERE expires_at < now() - interval '1 day'");
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

    static String hash(UUID challengeId, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(challengeId.toString().getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(code.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
