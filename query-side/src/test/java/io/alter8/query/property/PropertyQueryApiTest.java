package io.alter8.query.property;

import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing read model through HTTP, fed by events appended to the real event store. */
@QuerySideTest
class PropertyQueryApiTest {

    @LocalServerPort
    int port;
    ApiClient api;
    EventStoreFixture store = EventStoreFixture.shared();
    /** Every test searches a city of its own, so tests do not see each other's listings. */
    String city = "City-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    long register(UUID id, String title, PropertyType type, int bedrooms, String rent) {
        return store.append("Property", id, 0, TestEvents.registered(id, title, city, type, bedrooms, rent));
    }

    @Test
    void readsItsOwnWriteWithAwaitPosition() {
        UUID id = UUID.randomUUID();
        long position = register(id, "2BHK near metro", PropertyType.APARTMENT, 2, "25000");

        Response r = api.get("/api/properties/" + id, "X-Await-Position", Long.toString(position));

        assertThat(r.status()).isEqualTo(200);
        assertThat(Long.parseLong(r.header("X-Read-Position"))).isGreaterThanOrEqualTo(position);
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = r.json();
        assertThat(body.path("id").asString()).isEqualTo(id.toString());
        assertThat(body.path("title").asString()).isEqualTo("2BHK near metro");
        assertThat(body.path("propertyType").asString()).isEqualTo("apartment");
        assertThat(body.path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(body.path("monthlyRent").path("currency").asString()).isEqualTo("INR");
        assertThat(body.path("address").path("city").asString()).isEqualTo(city);
        assertThat(body.path("bathrooms").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void aChangeShowsAfterAwaitingItsPosition() {
        UUID id = UUID.randomUUID();
        register(id, "Flat", PropertyType.APARTMENT, 2, "20000");
        long position = store.append("Property", id, 1, TestEvents.rentChanged(id, "20000", "21000"));

        Response r = api.get("/api/properties/" + id, "X-Await-Position", Long.toString(position));

        assertThat(r.json().path("monthlyRent").path("amount").asString()).isEqualTo("21000.00");
        assertThat(r.json().path("version").asLong()).isEqualTo(1);
        assertThat(r.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void aPositionNotReachedInTimeIsA503WithRetryAfter() {
        long beyond = store.head() + 1_000_000;
        Response r = api.get("/api/properties/" + UUID.randomUUID(), "X-Await-Position", Long.toString(beyond));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/position-not-reached");
    }

    @Test
    void aMalformedAwaitPositionIsA400() {
        Response r = api.get("/api/properties/" + UUID.randomUUID(), "X-Await-Position", "soon");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("X-Await-Position: must be a position: a whole number, 0 or more");
    }

    @Test
    void anUnknownPropertyIsA404Problem() {
        // Awaits a position that exists, so the 404 is about the id, whatever ran before.
        long position = register(UUID.randomUUID(), "Another", PropertyType.HOUSE, 2, "30000");
        Response r = api.get("/api/properties/" + UUID.randomUUID(), "X-Await-Position", Long.toString(position));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/not-found");
    }

    @Test
    void aMalformedIdIsA400() {
        Response r = api.get("/api/properties/not-a-uuid");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("id: has an invalid value");
    }

    @Test
    void searchFiltersByCityTypeRentAndBedroomsAndPages() {
        UUID cheap = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        UUID villa = UUID.randomUUID();
        register(cheap, "Studio", PropertyType.APARTMENT, 1, "9000");
        register(big, "3BHK", PropertyType.APARTMENT, 3, "40000");
        long last = register(villa, "Villa", PropertyType.VILLA, 4, "90000");
        String await = Long.toString(last);

        assertThat(ids(api.get("/api/properties?city=" + city + "&sort=monthlyRent,asc", "X-Await-Position", await)))
                .containsExactly(cheap.toString(), big.toString(), villa.toString());
        assertThat(ids(api.get("/api/properties?city=" + city.toLowerCase() + "&propertyType=apartment"
                                       + "&sort=monthlyRent,desc")))
                .containsExactly(big.toString(), cheap.toString());
        assertThat(ids(api.get("/api/properties?city=" + city + "&minRent=10000&maxRent=90000&sort=monthlyRent")))
                .containsExactly(big.toString(), villa.toString());
        assertThat(ids(api.get("/api/properties?city=" + city + "&minBedrooms=3&sort=bedrooms,desc")))
                .containsExactly(villa.toString(), big.toString());

        Response page = api.get("/api/properties?city=" + city + "&sort=monthlyRent&page=1&size=2");
        assertThat(page.json().path("total").asLong()).isEqualTo(3);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().path("size").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(villa.toString());
    }

    @Test
    void badSearchParametersAreA400ListingEachOne() {
        Response r = api.get("/api/properties?propertyType=castle&minRent=-1&minBedrooms=-2&size=500&sort=owner,up");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "propertyType: must be one of: apartment, house, villa, commercial, plot, pg, single_family, "
                        + "multi_family, condo",
                "minRent: must be 0 or more",
                "minBedrooms: must be 0 or more",
                "size: must be between 1 and 100",
                "sort: can sort by bedrooms, monthlyRent, registeredAt, title",
                "sort: direction must be asc or desc");
    }

    @Test
    void aRentRangeUpsideDownIsA400() {
        Response r = api.get("/api/properties?minRent=5000&maxRent=100");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("maxRent: must not be below minRent");
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
