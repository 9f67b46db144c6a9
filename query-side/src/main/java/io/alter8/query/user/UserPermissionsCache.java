package io.alter8.query.user;

import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserErased;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.query.cache.SafeRedis;
import io.alter8.web.security.AccountStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code user:permissions:{userId}} (the management model's Redis key): each user's role and whether the account may act, so that the query side checks
 * a still-valid token against the account without asking the command side. Written as a hash with the sequence number
 * of the last event applied; older events are skipped inside Redis (one Lua call), so replays and redeliveries leave
 * the same value. Each request reads it together with the command side's mark of a revoked session (one Lua call);
 * {@code LiveTokens} compares both with the token. A missing entry, or Redis being down, tells nothing and lets the
 * token through: the cache can only narrow what a valid token may do.
 */
@Component
@ProcessingGroup(UserPermissionsCache.PROCESSING_GROUP)
class UserPermissionsCache implements AccountStatus {

    static final String PROCESSING_GROUP = "user-permissions";
    static final String KEY_PREFIX = "user:permissions:";
    /** Sets the given fields if the stored version is older than this event's sequence number. */
    private static final DefaultRedisScript<Long> SET_IF_NEWER = new DefaultRedisScript<>("""
            local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
            if stored >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1])
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            return 1""", Long.class);
    /** The account's role and status, and whether the session was revoked ('1'); '' where nothing is stored. */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> STANDING = new DefaultRedisScript<>("""
            local account = redis.call('HMGET', KEYS[1], 'role', 'active')
            local revoked = '0'
            if #KEYS > 1 then revoked = tostring(redis.call('EXISTS', KEYS[2])) end
            return {account[1] or '', account[2] or '', revoked}""", List.class);

    private final StringRedisTemplate redis;
    private final SafeRedis safeRedis;

    UserPermissionsCache(StringRedisTemplate redis, SafeRedis safeRedis) {
        this.redis = redis;
        this.safeRedis = safeRedis;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence) {
        set(event.userId().value(), sequence, Map.of("role", event.role().wire(), "active", "true"));
    }

    @EventHandler
    void on(RoleChanged event, @SequenceNumber long sequence) {
        set(event.userId().value(), sequence, Map.of("role", event.role().wire()));
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence) {
        set(event.userId().value(), sequence, Map.of("active", "false"));
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence) {
        set(event.userId().value(), sequence, Map.of("active", "true"));
    }

    /** An erased account never acts again; it is marked so rather than deleted, so an older event cannot revive it. */
    @EventHandler
    void on(UserErased event, @SequenceNumber long sequence) {
        set(event.userId().value(), sequence, Map.of("active", "false", "erased", "true"));
    }

    @ResetHandler
    void dropAll() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").count(500).build())) {
            keys.forEachRemaining(redis::delete);
        }
    }

    @Override
    public Standing standing(UUID userId, UUID sessionId) {
        List<String> keys = sessionId == null
                ? List.of(KEY_PREFIX + userId)
                : List.of(KEY_PREFIX + userId, AccountStatus.revokedSessionKey(sessionId));
        List<?> found = safeRedis.call(r -> r.execute(STANDING, keys), null);
        if (found == null) {
            return Standing.UNKNOWN;
        }
        String role = String.valueOf(found.get(0));
        String active = String.valueOf(found.get(1));
        return new Standing(active.isEmpty() ? null : Boolean.valueOf(active), role.isEmpty() ? null : Set.of(role),
                            sessionId == null ? null : !"1".equals(String.valueOf(found.get(2))));
    }

    Map<Object, Object> entry(UUID userId) {
        return redis.opsForHash().entries(KEY_PREFIX + userId);
    }

    private void set(UUID userId, long sequence, Map<String, String> fields) {
        String[] args = new String[1 + fields.size() * 2];
        args[0] = Long.toString(sequence);
        int i = 1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            args[i++] = field.getKey();
            args[i++] = field.getValue();
        }
        redis.execute(SET_IF_NEWER, List.of(KEY_PREFIX + userId), (Object[]) args);
    }
}
