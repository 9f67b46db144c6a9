package io.alter8.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.util.function.SingletonSupplier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Counts calls in Redis in fixed windows of {@link RateLimits#window()}: the first call starts a window, the key
 * expires with it. Counted per caller and endpoint by {@link RateLimitInterceptor}, and per account aimed at by
 * {@link #requireWithin}. When Redis is unreachable nothing is counted and the call goes through: Redis is a cache
 * and a messenger here, and losing it must not take the API down.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** Count and (on the first call of a window) set the expiry in one round trip; answers {count, ttl ms}. */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> COUNT = new DefaultRedisScript<>("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}""", List.class);

    /** Looked up once: a bean factory look-up on every call was 2 % of a command's request thread. */
    private final SingletonSupplier<StringRedisTemplate> redis;
    private final RateLimits limits;

    public RateLimiter(ObjectProvider<StringRedisTemplate> redis, RateLimits limits) {
        this.redis = SingletonSupplier.of(redis::getIfAvailable);
        this.limits = limits;
    }

    /** One call counted under {@code key}; {@code null} when nothing could be counted. */
    record Count(long count, int limit, long ttlMillis) {

        boolean exceeded() {
            return count > limit;
        }

        long remaining() {
            return Math.max(0, limit - count);
        }
    }

    RateLimits limits() {
        return limits;
    }

    Count count(String key, int limit) {
        StringRedisTemplate template = redis.get();
        if (!limits.enabled() || template == null) {
            return null;
        }
        List<?> answer;
        try {
            answer = template.execute(COUNT, List.of(key), Long.toString(limits.window().toMillis()));
        } catch (RedisConnectionFailureException e) {
            log.warn("Rate limits not counted: Redis is unreachable ({})", e.getMessage());
            return null;
        }
        return new Count(((Number) answer.get(0)).longValue(), limit,
                         Math.max(0, ((Number) answer.get(1)).longValue()));
    }

    /**
     * Counts one attempt at the account {@code target} (a login name, e-mail address, phone number) of the given
     * kind, and refuses past the kind's limit. Count it before looking the account up: an unknown account is
     * limited exactly like a real one, so the limit tells nobody which accounts exist. The key holds a hash of the
     * target, never the address or number itself.
     *
     * @throws ApiException 429 with {@code Retry-After} past the limit
     */
    public void requireWithin(String kind, String target) {
        Integer limit = limits.perTarget().get(kind);
        if (limit == null || target == null) {
            return;
        }
        Count count = count("rate_limit:target:" + kind + ":" + digest(target.strip().toLowerCase(Locale.ROOT)),
                            limit);
        if (count != null && count.exceeded()) {
            throw tooMany(count, "too many attempts; retry later");
        }
    }

    static ApiException tooMany(Count count, String detail) {
        return new ApiException(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                                            detail))
                .withHeader("Retry-After", Long.toString(Math.max(1, (count.ttlMillis() + 999) / 1000)));
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
