package io.alter8.query.property;

import io.alter8.query.cache.SafeRedis;
import io.alter8.query.processing.ProcessorPositions;
import io.alter8.query.processing.ShadowTransaction;
import io.alter8.query.web.ReadPosition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The property caches of the data models in Redis — search results ({@code search:properties:{hash}}), details
 * ({@code property:{id}}) and unit availability ({@code unit:availability:{id}}, a hash) — kept correct against the
 * read model (docs/decisions.md, "Property caches"):
 * <ul>
 * <li>Every entry belongs to one <em>scope</em>: a property, the searches of one city, or the searches without a
 * city. Each scope has a generation; each entry carries the generation (and the global epoch) it was computed
 * under, read <em>before</em> its query. An entry whose stamp is no longer current is never served.</li>
 * <li>After the projector's transaction commits, it gives each scope the event touched a new generation and deletes
 * that scope's entries, in one script. A reader that read the old generation before the commit may still finish
 * its query on old data; its store is refused (the script compares the stamp), and if it stored first, the entry
 * is deleted and would not match anyway.</li>
 * <li>Each entry also records how far the read model had read before its query; a client that sent
 * {@code X-Await-Position: p} is served an entry only if that is at p or beyond.</li>
 * <li>Redis being down or failing costs only speed ({@link SafeRedis}). An eviction that failed invalidates every
 * entry (a new epoch) before the cache is used again; so does every start of the service, which covers evictions
 * lost in a crash between commit and eviction.</li>
 * </ul>
 * The scripts touch keys they compute (a scope's entries): this needs one Redis node, not a cluster.
 * <p>
 * It is the one way the query side caches a read model's answers in Redis: other read models name their own scopes
 * and slots (a user's recent transactions, {@code io.alter8.query.lease.RecentTransactions}). They share the epoch,
 * so a rebuild of any of them makes every entry stale once; that costs speed only, and rebuilds are rare.
 */
@Component
public class PropertyCache {

    static final Duration SEARCH_TTL = Duration.ofHours(1);
    static final Duration DETAIL_TTL = Duration.ofMinutes(30);
    static final Duration AVAILABILITY_TTL = Duration.ofMinutes(5);
    /** Longer than any entry lives, so a generation never expires under an entry it could wrongly match. */
    private static final Duration GENERATION_TTL = Duration.ofHours(2);

    private static final String EPOCH = "cache:property:epoch";
    private static final String CLOCK = "cache:property:clock";
    private static final String SEARCH_ALL = "search:all";

    /** KEYS: epoch, generation, entry. ARGV: kind. Answers the current stamp and the entry ('' if none). */
    private static final DefaultRedisScript<List> READ = new DefaultRedisScript<>("""
            local entry
            if ARGV[1] == 'hash' then entry = redis.call('HGET', KEYS[3], 'entry')
            else entry = redis.call('GET', KEYS[3]) end
            local stamp = (redis.call('GET', KEYS[1]) or '0') .. ':' .. (redis.call('GET', KEYS[2]) or '0')
            return {stamp, entry or ''}""", List.class);
    /**
     * KEYS: epoch, generation, entry, the scope's key set. ARGV: stamp read before the query, entry, TTL in seconds,
     * kind, then a hash's other fields. Stores only if the stamp is still current.
     */
    private static final DefaultRedisScript<Long> STORE = new DefaultRedisScript<>("""
            local stamp = (redis.call('GET', KEYS[1]) or '0') .. ':' .. (redis.call('GET', KEYS[2]) or '0')
            if stamp ~= ARGV[1] then return 0 end
            if ARGV[4] == 'hash' then
              redis.call('DEL', KEYS[3])
              redis.call('HSET', KEYS[3], 'entry', ARGV[2], unpack(ARGV, 5))
              redis.call('EXPIRE', KEYS[3], ARGV[3])
            else
              redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3])
            end
            redis.call('SADD', KEYS[4], KEYS[3])
            if redis.call('TTL', KEYS[4]) < tonumber(ARGV[3]) then redis.call('EXPIRE', KEYS[4], ARGV[3]) end
            return 1""", Long.class);
    /**
     * KEYS: the clock, then per scope its generation and its key set. ARGV: generation TTL. Gives every scope a
     * generation never used before and deletes its entries.
     */
    private static final DefaultRedisScript<Long> EVICT = new DefaultRedisScript<>("""
            local generation = redis.call('INCR', KEYS[1])
            for i = 2, #KEYS, 2 do
              redis.call('SET', KEYS[i], generation, 'EX', ARGV[1])
              local entries = redis.call('SMEMBERS', KEYS[i + 1])
              for j = 1, #entries, 500 do
                redis.call('DEL', unpack(entries, j, math.min(j + 499, #entries)))
              end
              redis.call('DEL', KEYS[i + 1])
            end
            return generation""", Long.class);

    /**
     * Where one kind of entry lives: its scope, key, lifetime and type; a hash's fields if it is one; the processing
     * group of the read model it is computed from (how far that had read is what the entry reflects).
     */
    public record Slot<T>(String scope, String key, Duration ttl, TypeReference<T> type,
                          Function<T, Map<String, String>> hashFields, String processingGroup) {

        Slot(String scope, String key, Duration ttl, TypeReference<T> type,
             Function<T, Map<String, String>> hashFields) {
            this(scope, key, ttl, type, hashFields, PropertyListingProjector.PROCESSING_GROUP);
        }

        boolean isHash() {
            return hashFields != null;
        }
    }

    /**
     * What a lookup found: the entry if one may be served, else the stamp and read-model position to store a freshly
     * computed value under (stamp null: do not store).
     */
    record Lookup<T>(T cached, String stamp, long position) {
    }

    private final SafeRedis redis;
    private final ProcessorPositions positions;
    private final JsonMapper json;
    /**
     * Invalidations of everything owed (a new epoch): one from the start, since evictions may have been lost while
     * the service was down, and one more for each eviction that failed. While any is owed and cannot be paid, the
     * cache is not used.
     */
    private final AtomicLong owedFlushes = new AtomicLong(1);

    PropertyCache(SafeRedis redis, ProcessorPositions positions, JsonMapper json) {
        this.redis = redis;
        this.positions = positions;
        this.json = json;
    }

    static String propertyScope(UUID propertyId) {
        return "property:" + propertyId;
    }

    static String searchScope(String cityKey) {
        return cityKey == null ? SEARCH_ALL : "search:city:" + cityKey;
    }

    /** The cached value of the slot if it may be served, else {@code compute}'s (stored for the next reader). */
    public <T> T get(Slot<T> slot, Supplier<T> compute) {
        Lookup<T> found = lookup(slot, ReadPosition.awaited());
        if (found.cached() != null) {
            return found.cached();
        }
        T value = compute.get();
        if (value != null) {
            store(slot, found, value);
        }
        return value;
    }

    /**
     * As {@link #get}, but the value as JSON text, for a reader that serves it unchanged: a hit goes out as stored,
     * without being read into objects and written again (most of a hit's own work). Null if {@code compute} is.
     */
    <T> String getJson(Slot<T> slot, Supplier<T> compute) {
        Lookup<String> found = lookupJson(slot, ReadPosition.awaited());
        if (found.cached() != null) {
            return found.cached();
        }
        T value = compute.get();
        if (value == null) {
            return null;
        }
        String text = json.writeValueAsString(value);
        storeJson(slot, found, text, value);
        return text;
    }

    <T> Lookup<T> lookup(Slot<T> slot, OptionalLong awaited) {
        Lookup<String> found = lookupJson(slot, awaited);
        if (found.cached() == null) {
            return new Lookup<>(null, found.stamp(), found.position());
        }
        try {
            return new Lookup<>(json.readValue(found.cached(), slot.type()), found.stamp(), found.position());
        } catch (JacksonException e) {
            // Written by another version of the service (a rolling deployment): computed again by the caller. The
            // entry's claims are not trusted for the store either; the position is read again.
            return new Lookup<>(null, found.stamp(),
                                positions.position(slot.processingGroup()).orElse(-1));
        }
    }

    /** The entry's JSON if it may be served, else the stamp and position to store a fresh value under. */
    private Lookup<String> lookupJson(Slot<?> slot, OptionalLong awaited) {
        if (!flushed()) {
            return new Lookup<>(null, null, -1);
        }
        List<?> answer = redis.call(r -> r.execute(READ, List.of(EPOCH, generation(slot.scope()), slot.key()),
                                                      slot.isHash() ? "hash" : "string"), null);
        if (answer == null) {
            return new Lookup<>(null, null, -1);
        }
        String stamp = (String) answer.get(0);
        String entry = (String) answer.get(1);
        if (!entry.isEmpty()) {
            // stamp|position|json
            int first = entry.indexOf('|');
            int second = entry.indexOf('|', first + 1);
            long position = Long.parseLong(entry.substring(first + 1, second));
            if (entry.substring(0, first).equals(stamp) && position >= awaited.orElse(Long.MIN_VALUE)) {
                return new Lookup<>(entry.substring(second + 1), stamp, position);
            }
        }
        // Read after the stamp and before the caller's query: what the entry will claim to reflect.
        return new Lookup<>(null, stamp, positions.position(slot.processingGroup()).orElse(-1));
    }

    /** Stores a value computed after {@code lookup}; false if an eviction came in between (or Redis is away). */
    <T> boolean store(Slot<T> slot, Lookup<T> lookup, T value) {
        return storeJson(slot, lookup, json.writeValueAsString(value), value);
    }

    private <T> boolean storeJson(Slot<T> slot, Lookup<?> lookup, String text, T value) {
        if (lookup.stamp() == null) {
            return false;
        }
        List<String> args = new ArrayList<>(List.of(
                lookup.stamp(), lookup.stamp() + "|" + lookup.position() + "|" + text,
                Long.toString(slot.ttl().toSeconds()), slot.isHash() ? "hash" : "string"));
        if (slot.isHash()) {
            slot.hashFields().apply(value).forEach((field, fieldValue) -> {
                args.add(field);
                args.add(fieldValue);
            });
        }
        Long stored = redis.call(r -> r.execute(STORE, List.of(EPOCH, generation(slot.scope()), slot.key(),
                                                               keySet(slot.scope())), args.toArray()), 0L);
        return stored != null && stored == 1L;
    }

    /**
     * Makes stale what a change of {@code propertyId} touched, once the current transaction commits (at once
     * without one): its own entries, and if it was or is in search results, the searches of each given city and
     * those without a city.
     */
    void evictAfterCommit(UUID propertyId, Collection<String> searchCityKeys) {
        if (ShadowTransaction.active()) {
            // A rebuild filling the catalog's copy: no entry came from it; the switch evicts everything once.
            return;
        }
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(propertyScope(propertyId));
        if (!searchCityKeys.isEmpty()) {
            searchCityKeys.forEach(city -> scopes.add(searchScope(city)));
            scopes.add(SEARCH_ALL);
        }
        evictScopesAfterCommit(scopes);
    }

    /** Makes stale the entries of the given scopes once the current transaction commits (at once without one). */
    public void evictScopesAfterCommit(Collection<String> scopes) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(new LinkedHashSet<>(scopes));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> batch = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PropertyCache.this);
                }
            });
            pending = batch;
        }
        pending.addAll(scopes);
    }

    /** Makes every property cache entry stale (a new epoch): on start, and when the read model is reset. */
    public void evictEverything() {
        owedFlushes.incrementAndGet();
        flushed();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        flushed();
    }

    private void evict(Set<String> scopes) {
        List<String> keys = new ArrayList<>(1 + scopes.size() * 2);
        keys.add(CLOCK);
        for (String scope : scopes) {
            keys.add(generation(scope));
            keys.add(keySet(scope));
        }
        Long generation = redis.call(r -> r.execute(EVICT, keys, Long.toString(GENERATION_TTL.toSeconds())), null);
        if (generation == null) {
            owedFlushes.incrementAndGet();
        }
    }

    /** False while an invalidation of everything is owed and Redis cannot take it yet. */
    private boolean flushed() {
        long owed = owedFlushes.get();
        if (owed == 0) {
            return true;
        }
        Long epoch = redis.call(r -> r.opsForValue().increment(EPOCH), null);
        // Another eviction failing meanwhile owes one more: the next call pays it.
        return epoch != null && owedFlushes.compareAndSet(owed, 0);
    }

    private static String generation(String scope) {
        return "cache:property:generation:" + scope;
    }

    private static String keySet(String scope) {
        return "cache:property:keys:" + scope;
    }
}
