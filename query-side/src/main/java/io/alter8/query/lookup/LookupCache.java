package io.alter8.query.lookup;

import io.alter8.api.lookup.AmenityView;
import io.alter8.api.lookup.CityView;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.query.cache.SafeRedis;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The management model's lookup caches: {@code lookup:amenities} (amenity code → amenity) and
 * {@code lookup:cities:{stateCode}} (city name → city), hashes kept 24 h. Master data changes only by migration, that
 * is with a new deployment, so no event makes them stale; each start of the service drops them instead.
 */
@Component
class LookupCache {

    static final Duration TTL = Duration.ofHours(24);
    static final String AMENITIES = "lookup:amenities";
    static final String CITIES = "lookup:cities:";

    private final SafeRedis redis;
    private final MasterData masterData;
    private final JsonMapper json;

    LookupCache(SafeRedis redis, MasterData masterData, JsonMapper json) {
        this.redis = redis;
        this.masterData = masterData;
        this.json = json;
    }

    List<AmenityView> amenities() {
        return read(AMENITIES, AmenityView.class, () -> masterData.amenities().stream()
                .map(a -> new AmenityView(a.code(), a.name(), a.category(), a.iconName(), a.premium())).toList(),
                    AmenityView::code, Comparator.comparing(AmenityView::name));
    }

    List<CityView> cities(String stateCode) {
        return read(CITIES + stateCode, CityView.class, () -> masterData.cities().stream()
                .filter(c -> c.stateCode().equals(stateCode))
                .map(c -> new CityView(c.id(), c.name(), c.stateName(), c.stateCode(), c.country(), c.latitude(),
                                       c.longitude())).toList(),
                    CityView::name, Comparator.comparing(CityView::name));
    }

    @EventListener(ApplicationReadyEvent.class)
    void dropAll() {
        redis.call(r -> {
            r.delete(AMENITIES);
            try (Cursor<String> keys = r.scan(ScanOptions.scanOptions().match(CITIES + "*").count(500).build())) {
                keys.forEachRemaining(r::delete);
            }
            return null;
        }, null);
    }

    private <T> List<T> read(String key, Class<T> type, Supplier<List<T>> load, Function<T, String> field,
                             Comparator<T> order) {
        Map<Object, Object> cached = redis.call(r -> r.opsForHash().entries(key), Map.of());
        if (!cached.isEmpty()) {
            return cached.values().stream().map(v -> json.readValue((String) v, type)).sorted(order).toList();
        }
        List<T> values = load.get();
        if (!values.isEmpty()) {
            Map<String, String> hash = new LinkedHashMap<>();
            values.forEach(v -> hash.put(field.apply(v), json.writeValueAsString(v)));
            redis.call(r -> {
                r.opsForHash().putAll(key, hash);
                return r.expire(key, TTL);
            }, null);
        }
        return values.stream().sorted(order).toList();
    }
}
