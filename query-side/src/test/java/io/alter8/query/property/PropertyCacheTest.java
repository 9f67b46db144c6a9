package io.alter8.query.property;

import io.alter8.api.common.PageView;
import io.alter8.api.property.FindProperties;
import io.alter8.api.property.PropertyDetailView;
import io.alter8.api.property.PropertySummary;
import io.alter8.infra.masterdata.MasterData;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.cache.SafeRedis;
import io.alter8.query.processing.ProcessorPositions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The property caches in Redis: served when they may be, never after the change they miss is visible. Each
 * correctness rule is tested on its own: eviction after commit, refusal of an entry computed before a commit and
 * stored after its eviction, and entries older than an awaited position.
 */
@QuerySideTest
class PropertyCacheTest {

    @LocalServerPort
    int port;
    @Autowired
    PropertyCache cache;
    @Autowired
    PropertyListingQueries queries;
    @Autowired
    PropertyListingProjector projector;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MasterData masterData;
    @Autowired
    ProcessorPositions positions;
    @Autowired
    JsonMapper json;

    EventStoreFixture store = EventStoreFixture.shared();
    String pincode = PropertySearchApiTest.uniquePincode();
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    /** The normalised query the search endpoint makes of these parameters. */
    FindProperties query(Map<String, String> parameters) {
        LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        parameters.forEach(query::add);
        return PropertySearchParameters.from(query).toQuery(masterData);
    }

    String searchKey(Map<String, String> parameters) {
        return PropertyQueryController.searchSlot(query(parameters)).key();
    }

    static String queryString(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                         .collect(Collectors.joining("&"));
    }

    Response search(Map<String, String> parameters, String... headers) {
        return api.get("/api/properties?" + queryString(parameters), headers);
    }

    static String rent(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").get(0).path("monthlyRent").path("amount").asString();
    }

    /** Replaces the JSON of a stored entry, keeping its stamp, and its position unless one is given. */
    void rewrite(String key, String from, String to, Long position) {
        String entry = redis.opsForValue().get(key);
        int first = entry.indexOf('|');
        int second = entry.indexOf('|', first + 1);
        String head = position == null ? entry.substring(0, second) : entry.substring(0, first) + "|" + position;
        redis.opsForValue().set(key, head + entry.substring(second).replace(from, to), Duration.ofMinutes(5));
    }

    @Test
    void aSecondIdenticalSearchIsServedFromRedis() {
        // A city no other test lists in: nothing else evicts its searches meanwhile.
        // Not ASCII: a hit is sent as the stored JSON text, which must still go out as UTF-8.
        long position = new TestEvents.Listing().pincode(pincode).city("Chennai").area("Adyar")
                                                .title("Cached flat by Café Ñandú").publish(store);
        Map<String, String> parameters = Map.of("city", "Chennai", "pincode", pincode);
        Response first = search(parameters, "X-Await-Position", Long.toString(position));
        String key = searchKey(parameters);

        assertThat(key).startsWith("search:properties:");
        assertThat(redis.hasKey(key)).isTrue();
        assertThat(redis.getExpire(key)).isBetween(3500L, 3600L);
        assertThat(first.json().path("items").get(0).path("title").asString()).isEqualTo("Cached flat by Café Ñandú");
        Response second = search(parameters);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Content-Type")).startsWith("application/json");
        // Served from Redis, for the same search spelled differently too (normalised into the same key).
        rewrite(key, "Cached flat", "From Redis", null);
        assertThat(search(parameters).json().path("items").get(0).path("title").asString())
                .isEqualTo("From Redis by Café Ñandú");
        Map<String, String> respelled = new LinkedHashMap<>();
        respelled.put("pincode", pincode);
        respelled.put("city", "chennai");
        respelled.put("sort", "newest");
        assertThat(search(respelled).json().path("items").get(0).path("title").asString())
                .isEqualTo("From Redis by Café Ñandú");
    }

    @Test
    void anUpdateShowsInTheSameSearchOnceApplied() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode);
        long position = p.publish(store);
        Map<String, String> parameters = Map.of("city", "Bangalore", "pincode", pincode);
        assertThat(rent(search(parameters, "X-Await-Position", Long.toString(position)))).isEqualTo("25000.00");
        assertThat(redis.hasKey(searchKey(parameters))).isTrue();

        long changed = p.append(store, p.rentChanged("26000"));

        // Without waiting for anything: the cached page goes when the change is applied.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rent(search(parameters)))
                .isEqualTo("26000.00"));
        assertThat(rent(search(parameters, "X-Await-Position", Long.toString(changed)))).isEqualTo("26000.00");
    }

    @Test
    void aMoveToAnotherCityEvictsTheSearchesOfBothCitiesAndThoseWithoutACity() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode);
        long position = p.publish(store);
        Map<String, String> bangalore = Map.of("city", "Bangalore", "pincode", pincode);
        Map<String, String> mumbai = Map.of("city", "Mumbai", "pincode", pincode);
        Map<String, String> anywhere = Map.of("pincode", pincode);
        String at = Long.toString(position);
        assertThat(PropertySearchApiTest.ids(search(bangalore, "X-Await-Position", at))).hasSize(1);
        assertThat(PropertySearchApiTest.ids(search(mumbai, "X-Await-Position", at))).isEmpty();
        assertThat(PropertySearchApiTest.ids(search(anywhere, "X-Await-Position", at))).hasSize(1);

        p.append(store, p.city("Mumbai").area("Powai").revised());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(PropertySearchApiTest.ids(search(bangalore))).isEmpty();
            assertThat(PropertySearchApiTest.ids(search(mumbai))).containsExactly(p.id.toString());
            assertThat(search(anywhere).json().path("items").get(0).path("city").asString()).isEqualTo("Mumbai");
        });
    }

    @Test
    void aClientAwaitingAPositionIsNeverServedAnEntryComputedBeforeIt() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode).city("Chennai").area("Adyar")
                                                       .title("Real title");
        long position = p.publish(store);
        Map<String, String> parameters = Map.of("city", "Chennai", "pincode", pincode);
        String at = Long.toString(position);
        assertThat(search(parameters, "X-Await-Position", at).status()).isEqualTo(200);
        // An entry whose stamp is current but which claims to reflect the read model before this position: as if
        // computed before the commit and its eviction lost.
        rewrite(searchKey(parameters), "Real title", "Stale title", position - 1);

        assertThat(search(parameters).json().path("items").get(0).path("title").asString()).isEqualTo("Stale title");
        assertThat(search(parameters, "X-Await-Position", Long.toString(position - 1)).json().path("items").get(0)
                                                                                   .path("title").asString())
                .isEqualTo("Stale title");
        assertThat(search(parameters, "X-Await-Position", at).json().path("items").get(0).path("title").asString())
                .isEqualTo("Real title");
    }

    @Test
    void anEntryComputedBeforeACommitIsNotStoredAfterItsEviction() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode);
        long position = p.publish(store);
        assertThat(api.get("/api/properties/" + p.id, "X-Await-Position", Long.toString(position)).status())
                .isEqualTo(200);
        PropertyCache.Slot<PropertyDetailView> slot = PropertyQueryController.detailSlot(p.id);
        redis.delete(slot.key());

        // A reader reads the stamp and the old row ...
        PropertyCache.Lookup<PropertyDetailView> lookup = cache.lookup(slot, OptionalLong.empty());
        assertThat(lookup.cached()).isNull();
        PropertyDetailView before = queries.detail(p.id).orElseThrow();
        // ... the projector commits a change and evicts ...
        tx.executeWithoutResult(s -> projector.on(p.rentChanged("27000"), 5, Instant.now()));
        // ... and the reader's late store is refused.
        assertThat(cache.store(slot, lookup, before)).isFalse();
        assertThat(redis.hasKey(slot.key())).isFalse();
        assertThat(api.get("/api/properties/" + p.id).json().path("terms").path("monthlyRent").path("amount")
                      .asString()).isEqualTo("27000.00");
    }

    @Test
    void anEntryStoredJustBeforeAnEvictionIsDeletedByIt() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode);
        long position = p.publish(store);
        api.get("/api/properties/" + p.id, "X-Await-Position", Long.toString(position));
        FindProperties query = query(Map.of("city", "Bangalore", "pincode", pincode));
        PropertyCache.Slot<PageView<PropertySummary>> slot = PropertyQueryController.searchSlot(query);
        redis.delete(slot.key());

        PropertyCache.Lookup<PageView<PropertySummary>> lookup = cache.lookup(slot, OptionalLong.empty());
        assertThat(cache.store(slot, lookup, queries.handle(query))).isTrue();
        tx.executeWithoutResult(s -> projector.on(p.rentChanged("28000"), 5, Instant.now()));

        assertThat(redis.hasKey(slot.key())).isFalse();
        assertThat(cache.lookup(slot, OptionalLong.empty()).cached()).isNull();
        assertThat(rent(search(Map.of("city", "Bangalore", "pincode", pincode)))).isEqualTo("28000.00");
    }

    @Test
    void detailAndUnitAvailabilityAreCachedAsTheSeedsKeysAndEvictedByTheirEvents() {
        TestEvents.Listing p = new TestEvents.Listing().pincode(pincode);
        long position = p.publish(store);
        String at = Long.toString(position);
        assertThat(api.get("/api/properties/" + p.id, "X-Await-Position", at).status()).isEqualTo(200);
        assertThat(api.get("/api/properties/" + p.id + "/units", "X-Await-Position", at).status()).isEqualTo(200);

        assertThat(redis.getExpire("property:" + p.id)).isBetween(1700L, 1800L);
        String availability = "unit:availability:" + p.id;
        assertThat(redis.getExpire(availability)).isBetween(200L, 300L);
        Map<Object, Object> hash = redis.opsForHash().entries(availability);
        assertThat(hash).containsEntry("totalUnits", "1").containsEntry("availableUnits", "1")
                        .containsKey("lastUpdated");

        long occupied = p.append(store, p.occupied(p.unitId, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(availability)
                && !redis.hasKey("property:" + p.id));
        assertThat(api.get("/api/properties/" + p.id + "/units", "X-Await-Position", Long.toString(occupied)).json()
                      .path("availableUnits").asInt()).isZero();
        assertThat(redis.opsForHash().entries(availability)).containsEntry("availableUnits", "0");
        assertThat(Long.parseLong(api.get("/api/properties/" + p.id).header("X-Read-Position")))
                .isGreaterThanOrEqualTo(occupied);
    }

    @Test
    void withRedisDownReadsComeFromTheDatabase() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", deadPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        factory.afterPropertiesSet();
        try {
            PropertyCache down = new PropertyCache(new SafeRedis(new StringRedisTemplate(factory)), positions, json);
            PropertyCache.Slot<String> slot = new PropertyCache.Slot<>("property:x", "property:x", Duration.ofMinutes(1),
                                                                       new TypeReference<>() {
                                                                       }, null);

            assertThat(down.get(slot, () -> "from the database")).isEqualTo("from the database");
            down.evictAfterCommit(UUID.randomUUID(), List.of("bangalore"));
            assertThat(down.get(slot, () -> "again")).isEqualTo("again");
        } finally {
            factory.destroy();
        }
    }
}
