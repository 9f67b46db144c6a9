package io.alter8.query.chat;

import io.alter8.query.cache.SafeRedis;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code chat:presence:{userId}}, a hash of {@code status} and {@code lastActive} (and {@code stream} while a live
 * stream of theirs is open), living five minutes after the user's last activity: a chat write, or a heartbeat of
 * their live stream (every 25 seconds while it is open). No
 * key means offline. Presence is a courtesy, so Redis being away costs it and nothing else ({@link SafeRedis}).
 */
@Component
public class Presence {

    public static final Duration TTL = Duration.ofMinutes(5);
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    /** Marks an existing key offline, with no stream; an expired one is not made again (it would never expire). */
    private static final DefaultRedisScript<Long> LEFT = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HDEL', KEYS[1], 'stream')
              return redis.call('HSET', KEYS[1], 'status', ARGV[1])
            end
            return 0""", Long.class);
    /** The hash field set while a live stream of the user is open. */
    private static final String STREAM = "stream";

    public record PresenceView(UUID userId, String status, Instant lastActive) {
    }

    private final SafeRedis redis;
    private final Clock clock;

    Presence(SafeRedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public static String key(UUID userId) {
        return "chat:presence:" + userId;
    }

    /** The user is active now: online for the next five minutes. */
    public void touch(UUID userId) {
        online(userId, Map.of("status", ONLINE, "lastActive", clock.instant().toString()));
    }

    /** The user has a live stream open now (opened, or its heartbeat): online, and reached live. */
    public void streaming(UUID userId) {
        online(userId, Map.of("status", ONLINE, "lastActive", clock.instant().toString(), STREAM, "open"));
    }

    /**
     * Whether the user has a live stream open, as its last heartbeat told (within five minutes, or until it closed).
     * Unknown while Redis is away: then not connected, so that a notice is sent rather than lost.
     */
    public boolean connected(UUID userId) {
        return Boolean.TRUE.equals(redis.call(r -> r.opsForHash().hasKey(key(userId), STREAM), false));
    }

    private void online(UUID userId, Map<String, String> fields) {
        String key = key(userId);
        redis.call(r -> {
            r.opsForHash().putAll(key, fields);
            return r.expire(key, TTL);
        }, null);
    }

    /** The user closed their last stream: shown offline with the time they were last active, until the key expires. */
    public void left(UUID userId) {
        redis.call(r -> r.execute(LEFT, List.of(key(userId)), OFFLINE), null);
    }

    List<PresenceView> of(List<UUID> users) {
        return users.stream().map(user -> {
            Map<Object, Object> fields = redis.call(r -> r.opsForHash().entries(key(user)), Map.of());
            Object status = fields.get("status");
            Object lastActive = fields.get("lastActive");
            return new PresenceView(user, status == null ? OFFLINE : status.toString(),
                                    lastActive == null ? null : Instant.parse(lastActive.toString()));
        }).toList();
    }
}
