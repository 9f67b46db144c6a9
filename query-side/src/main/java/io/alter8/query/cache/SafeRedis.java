package io.alter8.query.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Redis as a cache that may be away: a failed call answers the caller's fallback instead of throwing, is logged once
 * (and once more when Redis is back), and for a short while afterwards no call is tried at all, so that requests do
 * not each wait for a dead connection. Readers then go to the database.
 */
@Component
public class SafeRedis {

    private static final Logger log = LoggerFactory.getLogger(SafeRedis.class);
    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(2).toNanos();

    private final StringRedisTemplate redis;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;

    public SafeRedis(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The answer of {@code call}, or {@code fallback} when Redis is unreachable or was a moment ago. */
    public <T> T call(Function<StringRedisTemplate, T> call, T fallback) {
        if (down.get() && System.nanoTime() - retryAt < 0) {
            return fallback;
        }
        try {
            T result = call.apply(redis);
            if (down.compareAndSet(true, false)) {
                log.info("Redis is reachable again: caches are in use");
            }
            return result;
        } catch (DataAccessException e) {
            retryAt = System.nanoTime() + RETRY_AFTER_NANOS;
            if (down.compareAndSet(false, true)) {
                log.warn("Redis is unreachable, reads go to the database until it is back: {}", e.getMessage());
            }
            return fallback;
        }
    }
}
