package io.alter8.command.notification;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis side of delivery: per channel a list {@code queue:notifications:{channel}} of work items (urgent ones
 * pushed to its head, the rest to its tail, taken from the head), a sorted set {@code …:delayed} of items waiting
 * out their back-off, and a bounded list {@code …:dead} of dead-lettered ids for a quick look. Redis only carries
 * work: every item names a row of {@code notification_outbox}, which decides whether it is still to be sent.
 * <p>
 * Each push also tells this instance's workers of the channel ({@link #awaitItems}), and each look at the back-offs
 * notes when the next one ends, so that workers need not ask Redis while nothing is due; only another instance's
 * pushes wait for a worker's next look.
 */
@Component
class DeliveryQueue {

    private static final int DEAD_KEPT = 1000;
    /** More wake-ups than this waiting add nothing: a woken worker takes from the queue until it is empty. */
    private static final int WAKES_KEPT = 1000;
    /** Moves due items onto the queue; answers how many, and the due time of the earliest left waiting (or -1). */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> PROMOTE = new DefaultRedisScript<>("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 500)
            for _, item in ipairs(due) do
              redis.call('ZREM', KEYS[1], item)
              redis.call('RPUSH', KEYS[2], item)
            end
            local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            if earliest[2] then return {#due, tonumber(earliest[2])} end
            return {#due, -1}""", List.class);
    private static final long NONE_WAITING = Long.MAX_VALUE;

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    /** Per channel, one permit per item pushed here and not yet looked for (or per helper wanted). */
    private final Map<String, Semaphore> pushed = new ConcurrentHashMap<>();
    /** Per channel, when the earliest item waiting out its back-off is due (epoch ms), as far as this instance knows. */
    private final Map<String, AtomicLong> nextDue = new ConcurrentHashMap<>();

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
        wake(channel);
    }

    /** Wakes one of this instance's workers of {@code channel} (one waiting in {@link #awaitItems}, or the next). */
    void wake(String channel) {
        Semaphore wakes = pushed(channel);
        if (wakes.availablePermits() < WAKES_KEPT) {
            wakes.release();
        }
    }

    /**
     * Waits until an item was pushed on {@code channel} by this instance (or a worker asked for help), or an item
     * waiting out its back-off is due, at most {@code patience}; answers whether it was told. Interrupted, it answers
     * false at once with the flag kept.
     */
    boolean awaitItems(String channel, Duration patience, Instant now) {
        long untilDue = nextDue(channel).get() == NONE_WAITING ? Long.MAX_VALUE
                : Math.max(0, nextDue(channel).get() - now.toEpochMilli());
        long waitMillis = Math.min(patience.toMillis(), untilDue);
        try {
            return pushed(channel).tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private AtomicLong nextDue(String channel) {
        return nextDue.computeIfAbsent(channel, c -> new AtomicLong(NONE_WAITING));
    }

    private Semaphore pushed(String channel) {
        return pushed.computeIfAbsent(channel, c -> new Semaphore(0));
    }

    /** Queues a row once {@code due} has passed ({@link #promoteDue}). */
    void pushAt(String channel, UUID id, Priority priority, int retryCount, Instant createdAt, Instant due) {
        redis.opsForZSet().add(key(channel) + ":delayed", item(id, priority, retryCount, createdAt),
                               due.toEpochMilli());
        nextDue(channel).accumulateAndGet(due.toEpochMilli(), Math::min);
        // A worker looks at the back-offs again, so that a look that ran before this one arrived cannot hide it.
        wake(channel);
    }

    /** Moves the items whose back-off has ended onto the channel's queue; answers how many. */
    long promoteDue(String channel, Instant now) {
        List<?> answer = redis.execute(PROMOTE, List.of(key(channel) + ":delayed", key(channel)),
                                       Long.toString(now.toEpochMilli()));
        if (answer == null || answer.size() < 2) {
            return 0;
        }
        long earliest = ((Number) answer.get(1)).longValue();
        nextDue(channel).set(earliest < 0 ? NONE_WAITING : earliest);
        return ((Number) answer.get(0)).longValue();
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
