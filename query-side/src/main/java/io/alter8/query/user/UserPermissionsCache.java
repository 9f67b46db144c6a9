package io.alter8.query.user;

import io.alter8.api.user.RoleChanged;
import io.alter8.api.user.UserDeactivated;
import io.alter8.api.user.UserReactivated;
import io.alter8.api.user.UserRegistered;
import io.alter8.web.security.AccountStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code user:permissions:{userId}} (the management model's Redis key): each user's role and whether the account may
 * act, so that the query side refuses a deactivated user's still-valid token without asking the command side. Written
 * as a hash with the sequence number of the last event applied; older events are skipped inside Redis (one Lua call),
 * so replays and redeliveries leave the same value. A missing entry, or Redis being down, lets the token through: the
 * cache can only narrow what a valid token may do.
 */
@Component
@ProcessingGroup(UserPermissionsCache.PROCESSING_GROUP)
class UserPermissionsCache implements AccountStatus {

    static final String PROCESSING_GROUP = "user-permissions";
    static final String KEY_PREFIX = "user:permissions:";
    private static final Logger log = LoggerFactory.getLogger(UserPermissionsCache.class);
    /** Sets the given fields if the stored version is older than this event's sequence number. */
    private static final DefaultRedisScript<Long> SET_IF_NEWER = new DefaultRedisScript<>("""
            local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
            if stored >= tonumber(ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[1], 'version', ARGV[1])
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            return 1""", Long.class);

    private final StringRedisTemplate redis;

    UserPermissionsCache(StringRedisTemplate redis) {
        this.redis = redis;
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

    @ResetHandler
    void dropAll() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(KEY_PREFIX + "*").count(500).build())) {
            keys.forEachRemaining(redis::delete);
        }
    }

    @Override
    public boolean isBlocked(UUID userId) {
        try {
            return "false".equals(redis.opsForHash().get(KEY_PREFIX + userId, "active"));
        } catch (DataAccessException e) {
            log.warn("Account status not checked: Redis is unreachable ({})", e.getMessage());
            return false;
        }
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
