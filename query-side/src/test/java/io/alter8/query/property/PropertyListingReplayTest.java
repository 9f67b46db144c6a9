package io.alter8.query.property;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping the catalog and replaying the event store rebuilds exactly the same listings, units and reviews. */
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
        String pincode = PropertySearchApiTest.uniquePincode();
        TestEvents.Listing reviewed = null;
        for (int i = 0; i < 20; i++) {
            TestEvents.Listing p = new TestEvents.Listing().pincode(pincode).title("Home " + i).bedrooms(i % 4)
                                                           .rent("1" + i + "000");
            p.publish(store);
            p.append(store, p.rentChanged("2" + i + "000"), p.reviewed(UUID.randomUUID(), 1 + i % 5, "ok"));
            reviewed = p;
        }
        String head = Long.toString(store.head());
        String search = "/api/properties?pincode=" + pincode + "&size=100&sort=rent";
        JsonNode before = api.get(search, "X-Await-Position", head).json();
        JsonNode detailBefore = api.get("/api/properties/" + reviewed.id, "X-Await-Position", head).json();
        assertThat(before.path("total").asLong()).isEqualTo(20);
        // A row no event explains must not survive a rebuild.
        jdbc.update("""
                INSERT INTO property_listing (id, owner_id, title, property_type, address_line1, city, state,
                  postal_code, country, bedrooms, bathrooms, monthly_rent, rent_currency, pets_allowed,
                  preferred_tenant_type, dietary_preference, amenity_codes, amenities, status, listing_status,
                  verification_status, total_units, available_units, version, registered_at, updated_at)
                VALUES (?, ?, 'Ghost', 'house', 'x', 'Bangalore', 's', ?, 'IN', 1, 1, 1, 'INR', false, 'any', 'any',
                  '{}', '[]', 'active', 'public', 'verified', 1, 1, 0, now(), now())""",
                    UUID.randomUUID(), UUID.randomUUID(), pincode);

        Rebuilds.rebuild(api, "property-listing", head);
        assertThat(api.get(search, "X-Await-Position", head).json()).isEqualTo(before);
        assertThat(api.get("/api/properties/" + reviewed.id, "X-Await-Position", head).json()).isEqualTo(detailBefore);
    }

    @Test
    void resettingAnUnknownProcessorIsA404() {
        ApiClient api = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        assertThat(api.post("/actuator/processors/no-such-thing/reset", "").status()).isEqualTo(404);
        assertThat(api.post("/actuator/processors/property-listing/explode", "").status()).isEqualTo(400);
    }
}
