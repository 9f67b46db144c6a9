package io.alter8.query.property;

import io.alter8.api.common.MediaId;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaVisibility;
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

/**
 * Dropping the catalog and replaying the event store rebuilds exactly the same listings, units, reviews and the media
 * they show.
 */
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
        MediaId photo = MediaId.random();
        reviewed.appendMedia(store, reviewed.mediaUploaded(photo, MediaKind.IMAGE, MediaVisibility.PUBLIC, true, 1),
                             reviewed.mediaUploaded(MediaId.random(), MediaKind.VIDEO, MediaVisibility.PUBLIC, false,
                                                    2));
        String head = Long.toString(store.head());
        String search = "/api/properties?pincode=" + pincode + "&size=100&sort=rent";
        JsonNode before = api.get(search, "X-Await-Position", head).json();
        JsonNode detailBefore = api.get("/api/properties/" + reviewed.id, "X-Await-Position", head).json();
        assertThat(before.path("total").asLong()).isEqualTo(20);
        assertThat(detailBefore.path("primaryPhoto").path("mediaId").asString()).isEqualTo(photo.toString());
        assertThat(detailBefore.path("mediaCount").asInt()).isEqualTo(2);
        // A row no event explains must not survive a rebuild.
        TestEvents.insertGhostListing(jdbc, UUID.randomUUID(), pincode);

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
