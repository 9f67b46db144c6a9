package io.alter8.query.property;

import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dropping the listing read model and replaying the event store rebuilds exactly the same rows. */
@QuerySideTest
class PropertyListingReplayTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void resettingTheProcessorRebuildsTheSameReadModel() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        EventStoreFixture store = EventStoreFixture.shared();
        String city = "Replay-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            store.append("Property", id, 0,
                         TestEvents.registered(id, "Home " + i, city, PropertyType.HOUSE, i % 4, "1" + i + "000"));
            store.append("Property", id, 1, TestEvents.rentChanged(id, "1" + i + "000", "2" + i + "000"));
        }
        String head = Long.toString(store.head());
        String search = "/api/properties?city=" + city + "&size=100&sort=monthlyRent";
        JsonNode before = api.get(search, "X-Await-Position", head).json();
        assertThat(before.path("total").asLong()).isEqualTo(20);
        // A row no event explains must not survive a rebuild.
        jdbc.update("""
                INSERT INTO property_listing (id, title, property_type, address_line1, city, state, postal_code,
                  country, bedrooms, bathrooms, monthly_rent, rent_currency, version, registered_at, updated_at)
                VALUES (?, 'Ghost', 'house', 'x', ?, 's', '560001', 'IN', 1, 1, 1, 'INR', 0, now(), now())""",
                    UUID.randomUUID(), city);

        ApiClient.Response reset = api.post("/actuator/processors/property-listing/reset", "");
        assertThat(reset.status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = api.get("/actuator/processors/property-listing").json();
            assertThat(status.path("replaying").asBoolean()).isFalse();
            assertThat(status.path("position").asLong()).isGreaterThanOrEqualTo(Long.parseLong(head));
        });
        JsonNode after = api.get(search, "X-Await-Position", head).json();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void resettingAnUnknownProcessorIsA404() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        assertThat(api.post("/actuator/processors/no-such-thing/reset", "").status()).isEqualTo(404);
        assertThat(api.post("/actuator/processors/property-listing/explode", "").status()).isEqualTo(400);
    }
}
