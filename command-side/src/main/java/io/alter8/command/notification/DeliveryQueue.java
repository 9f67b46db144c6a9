package io.alter8.command.notification;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Redis side of delivery: per channel a list {@code queue:notifications:{channel}} of work items (urgent ones
 * pushed to its head, the rest to its tail, taken from the head), a sorted set {@code …:delayed} of items waiting
 * out their back-off, and a bounded list {@code …:dead} of dead-lettered ids for a quick look. Redis only carries
 * work: every item names a row of {@code notification_outbox}, which decides whether it is still to be sent.
 */
@Component
class DeliveryQueue {

    private static final int DEAD_KEPT = 1000;
    private static final DefaultRedisScript<Long> PROMOTE = new DefaultRedisScript<>("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)
            for _, item in ipairs(due) do
              redis.call('ZREM', KEYS[1], item)
              redis.call('RPUSH', KEYS[2], item)
            end
            return #due""", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    DeliveryQueue(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String key(String channel) {
        return "queue:notifications:" + channel;
    }

    /** Queues a row now: urgent ones first. */
    void push(String channel, UUID id, Priority priority, int retryCount, Instant createdAt) {
        String item = item(id, priority, retryCount, createdAt);
        if (priority == Priority.URGENT) {
            redis.opsForList().leftPush(key(channel), item);
        } else {
            redis.opsForList().rightPush(key(channel), item);
        }
    }

    /** Queues a row once {@code due} has passed ({@link #promoteDue}). */
    void pushAt(String channel, UUID id, Priority priority, int retryCount, Instant createdAt, Instant due) {
        redis.opsForZSet().add(key(channel) + ":delayed", item(id, priority, retryCount, createdAt),
                               due.toEpochMilli());
    }

    /** Moves the items whose back-off has ended onto the channel's queue. */
    long promoteDue(String channel, Instant now) {
        Long moved = redis.execute(PROMOTE, List.of(key(channel) + ":delayed", key(channel)),
                                   Long.toString(now.toEpochMilli()));
        return moved == null ? 0 : moved;
    }

    /** Takes up to {@code max} row ids from the head of the channel's queue. */
    List<UUID> pop(String channel, int max) {
        List<String> items = redis.opsForList().leftPop(key(channel), max);
        return items == null ? List.of() : items.stream().map(this::id).toList();
    }

    void deadLetter(String channel, UUID id) {
        redis.opsForList().leftPush(key(channel) + ":dead", id.toString());
        redis.opsForList().trim(key(channel) + ":dead", 0, DEAD_KEPT - 1);
    }

    void forgetDead(String channel, UUID id) {
        redis.opsForList().remove(key(channel) + ":dead", 0, id.toString());
    }

    /** The item as the data model spells it; only ids and scheduling facts, never content. */
    private String item(UUID id, Priority priority, int retryCount, Instant createdAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("notification_id", id.toString());
        item.put("priority", priority.wire());
        item.put("retry_count", retryCount);
        item.put("created_at", createdAt.getEpochSecond());
        return json.writeValueAsString(item);
    }

    private UUID id(String item) {
        JsonNode node = json.readTree(item);
        return UUID.fromString(node.path("notification_id").asString());
    }
}
