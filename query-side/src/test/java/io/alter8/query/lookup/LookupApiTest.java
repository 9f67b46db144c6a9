package io.alter8.query.lookup;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The master data lookups, and their Redis hashes as the data models name them. */
@QuerySideTest
class LookupApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    ApiClient api() {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    @Test
    void amenitiesWithTheirCategoriesCachedUnderLookupAmenities() {
        redis.delete(LookupCache.AMENITIES);
        Response r = api().get("/api/lookups/amenities");

        assertThat(r.status()).isEqualTo(200);
        JsonNode pool = r.json().valueStream().filter(a -> a.path("code").asString().equals("swimming_pool"))
                         .findFirst().orElseThrow();
        assertThat(pool.path("name").asString()).isEqualTo("Swimming Pool");
        assertThat(pool.path("category").asString()).isEqualTo("fitness");
        assertThat(pool.path("premium").asBoolean()).isTrue();
        assertThat(redis.opsForHash().hasKey(LookupCache.AMENITIES, "swimming_pool")).isTrue();
        assertThat(redis.getExpire(LookupCache.AMENITIES)).isBetween(86_000L, 86_400L);
        assertThat(api().get("/api/lookups/amenities").json()).isEqualTo(r.json());
    }

    @Test
    void citiesByCountryAndStateCachedPerState() {
        Response karnataka = api().get("/api/lookups/cities?country=IN&state=ka");

        assertThat(karnataka.status()).isEqualTo(200);
        assertThat(karnataka.json().valueStream().map(c -> c.path("name").asString())).containsExactly("Bangalore");
        assertThat(redis.opsForHash().hasKey("lookup:cities:KA", "Bangalore")).isTrue();
        assertThat(redis.getExpire("lookup:cities:KA")).isBetween(86_000L, 86_400L);
        assertThat(api().get("/api/lookups/cities?state=Texas").json().valueStream().map(c -> c.path("name")
                                                                                              .asString()))
                .containsExactly("Austin", "Houston");
        assertThat(api().get("/api/lookups/cities?country=US").json().valueStream()
                        .allMatch(c -> c.path("country").asString().equals("US"))).isTrue();
        assertThat(api().get("/api/lookups/cities").json().size()).isEqualTo(18);
    }

    @Test
    void areasOfACity() {
        String bangalore = api().get("/api/lookups/cities?state=KA").json().get(0).path("id").asString();

        Response r = api().get("/api/lookups/cities/" + bangalore + "/areas");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().valueStream().map(a -> a.path("name").asString())).contains("Koramangala", "Whitefield");
        assertThat(r.json().get(0).path("postalCode").asString()).hasSize(6);
    }

    @Test
    void unknownValuesAre400sAndUnknownCitiesA404() {
        assertThat(api().get("/api/lookups/cities?country=FR").fieldErrors())
                .containsExactly("country: must be one of: IN, US");
        assertThat(api().get("/api/lookups/cities?state=Atlantis").fieldErrors())
                .containsExactly("state: unknown state");
        assertThat(api().get("/api/lookups/cities/" + UUID.randomUUID() + "/areas").status()).isEqualTo(404);
        assertThat(new ApiClient("http://localhost:" + port).get("/api/lookups/amenities").status()).isEqualTo(401);
    }
}
