package io.alter8.query.subscription;

import io.alter8.api.common.UserId;
import io.alter8.api.subscription.FeatureUsageView;
import io.alter8.query.cache.SafeRedis;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The two Redis keys of the management model for subscriptions (docs/decisions.md, "Subscription caches"):
 * <ul>
 * <li>{@code subscription:status:{userId}} (1 h), a hash of the account's subscription: written after each
 * subscription event's commit from the committed row, and on a miss from the row, always with the row's version;
 * a write older than the stored one is refused inside Redis, so a slow reader never overwrites a newer entry.</li>
 * <li>{@code feature:access:{userId}:{featureId}} (15 min), what the account may do of a feature and its usage:
 * computed on a miss and stored with the account's generation ({@code feature:access:gen:{userId}}), which every
 * change of the account's plan, subscription or usage bumps after its commit; an entry of an older generation is
 * never served, and a store computed before a bump is refused.</li>
 * </ul>
 * A rebuild of the read model deletes every key. Redis being down costs speed only ({@link SafeRedis}).
 */
@Component
class SubscriptionCache {

    static final String STATUS = "subscription:status:";
    static final String ACCESS = "feature:access:";
    static final String GENERATION = "feature:access:gen:";
    static final Duration STATUS_TTL = Duration.ofHours(1);
    static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    /** The accounts whose usage the running transaction changed, bound to it. */
    private static final String USAGE_CHANGED = SubscriptionCache.class.getName() + ".usageChanged";
    /** Longer than an entry lives, so an expired generation cannot make an old entry match again. */
    private static final Duration GENERATION_TTL = Duration.ofHours(1);

    /** KEYS[1] the status hash; ARGV[1] version, ARGV[2] TTL ms, then field/value pairs. */
    private static final DefaultRedisScript<Long> SET_STATUS_IF_NEWER = new DefaultRedisScript<>("""
            local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
            if stored > tonumber(ARGV[1]) then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'version', ARGV[1])
            for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""", Long.class);
    /** KEYS[1] the access hash, KEYS[2] the generation; ARGV[1] generation read, ARGV[2] TTL ms, then fields. */
    private static final DefaultRedisScript<Long> SET_ACCESS_IF_CURRENT = new DefaultRedisScript<>("""
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'generation', ARGV[1])
            for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""", Long.class);
    /** KEYS[1] the generation; ARGV[1] its TTL ms. */
    private static final DefaultRedisScript<Long> BUMP = new DefaultRedisScript<>("""
            local generation = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return generation""", Long.class);

    private final StringRedisTemplate redis;
    private final SafeRedis safeRedis;
    private final SubscriptionQueries queries;

    SubscriptionCache(StringRedisTemplate redis, SafeRedis safeRedis, SubscriptionQueries queries) {
        this.redis = redis;
        this.safeRedis = safeRedis;
        this.queries = queries;
    }

    /** The status hash of the account's subscription, from Redis or (stored then) from the read model. */
    Optional<Map<String, String>> status(UUID account) {
        Map<Object, Object> cached = safeRedis.call(r -> r.opsForHash().entries(STATUS + account), Map.of());
        if (!cached.isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            cached.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
            return Optional.of(fields);
        }
        Optional<Map<String, String>> fresh = queries.statusFields(account);
        fresh.ifPresent(fields -> storeStatus(account, fields));
        return fresh;
    }

    /** What the account may do of {@code feature}, from Redis or computed (and stored if nothing changed meanwhile). */
    FeatureUsageView access(UUID account, String feature) {
        String key = ACCESS + account + ":" + feature;
        String generation = safeRedis.call(r -> r.opsForValue().get(GENERATION + account), null);
        Map<Object, Object> cached = safeRedis.call(r -> r.opsForHash().entries(key), Map.of());
        String current = generation == null ? "0" : generation;
        if (!cached.isEmpty() && current.equals(cached.get("generation"))) {
            String limit = (String) cached.get("usageLimit");
            String period = (String) cached.get("period");
            return new FeatureUsageView(feature, Boolean.parseBoolean((String) cached.get("isEnabled")),
                                        limit == null || limit.isEmpty() ? null : Integer.valueOf(limit),
                                        Long.parseLong((String) cached.get("currentUsage")),
                                        period == null || period.isEmpty() ? null : period,
                                        Instant.parse((String) cached.get("lastChecked")));
        }
        FeatureUsageView view = queries.access(account, feature);
        safeRedis.call(r -> r.execute(SET_ACCESS_IF_CURRENT, List.of(key, GENERATION + account), current,
                                      Long.toString(ACCESS_TTL.toMillis()),
                                      "isEnabled", Boolean.toString(view.isEnabled()),
                                      "usageLimit", view.usageLimit() == null ? "" : view.usageLimit().toString(),
                                      "currentUsage", Long.toString(view.currentUsage()),
                                      "period", view.period() == null ? "" : view.period(),
                                      "lastChecked", view.lastChecked().toString()), 0L);
        return view;
    }

    /** After the commit: the account's status entry from the committed row, and its feature entries stale. */
    void subscriptionChanged(UserId account) {
        afterCommit(() -> {
            queries.statusFields(account.value()).ifPresentOrElse(
                    fields -> storeStatus(account.value(), fields),
                    () -> safeRedis.call(r -> r.delete(STATUS + account.value()), false));
            bump(account.value());
            return null;
        });
    }

    /** After the commit: the feature entries of every account on the plan stale (its limits changed). */
    void planChanged(UUID plan) {
        afterCommit(() -> {
            queries.accountsOnPlan(plan).forEach(this::bump);
            return null;
        });
    }

    /**
     * After the commit: the account's usage changed. Once per account and transaction, however many of the batch's
     * events changed it (a registration counts its property and each of its units).
     */
    @SuppressWarnings("unchecked")
    void usageChanged(UUID account) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bump(account);
            return;
        }
        Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(USAGE_CHANGED);
        if (changed == null) {
            Set<UUID> accounts = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(USAGE_CHANGED, accounts);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    accounts.forEach(SubscriptionCache.this::bump);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(USAGE_CHANGED);
                }
            });
            changed = accounts;
        }
        changed.add(account);
    }

    void dropAll() {
        for (String pattern : List.of(STATUS + "*", ACCESS + "*")) {
            safeRedis.call(r -> {
                try (Cursor<String> keys = r.scan(ScanOptions.scanOptions().match(pattern).count(500).build())) {
                    keys.forEachRemaining(r::delete);
                }
                return null;
            }, null);
        }
    }

    private void storeStatus(UUID account, Map<String, String> fields) {
        Object[] args = new Object[2 + (fields.size() - 1) * 2];
        args[0] = fields.get("version");
        args[1] = Long.toString(STATUS_TTL.toMillis());
        int i = 2;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getKey().equals("version")) {
                args[i++] = field.getKey();
                args[i++] = field.getValue();
            }
        }
        safeRedis.call(r -> r.execute(SET_STATUS_IF_NEWER, List.of(STATUS + account), args), 0L);
    }

    private void bump(UUID account) {
        safeRedis.call(r -> r.execute(BUMP, List.of(GENERATION + account), Long.toString(GENERATION_TTL.toMillis())),
                       0L);
    }

    /** Runs {@code action} after the projector's transaction commits (at once outside one). */
    private static void afterCommit(Supplier<Void> action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.get();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.get();
            }
        });
    }
}
