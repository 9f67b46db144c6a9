package io.alter8.query.property;

import io.alter8.api.common.MediaId;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaVisibility;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search results and a listing's detail show its primary photo (with where its thumbnail is downloaded) and how many
 * public media it has, as soon as the gallery changes: what was answered (and cached) before is not answered again.
 */
@QuerySideTest
class PropertyListingMediaApiTest {

    @LocalServerPort
    int port;
    EventStoreFixture store = EventStoreFixture.shared();
    String pincode = PropertySearchApiTest.uniquePincode();
    TestEvents.Listing listing = new TestEvents.Listing().pincode(pincode);

    ApiClient tenant() {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
    }

    JsonNode searched(long position) {
        Response r = tenant().get("/api/properties?pincode=" + pincode, "X-Await-Position", Long.toString(position));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("total").asLong()).isEqualTo(1);
        return r.json().path("items").get(0);
    }

    JsonNode detail(long position) {
        Response r = tenant().get("/api/properties/" + listing.id, "X-Await-Position", Long.toString(position));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    String thumbnail(MediaId media) {
        return "/api/properties/" + listing.id + "/media/" + media + "/content?size=thumbnail";
    }

    @Test
    void searchAndDetailShowThePrimaryPhotoAndThePublicMediaCountAfterUploads() {
        long position = listing.publish(store);
        assertThat(searched(position).path("mediaCount").asInt()).isZero();
        assertThat(searched(position).path("primaryPhoto").isNull()).isTrue();
        assertThat(detail(position).path("mediaCount").asInt()).isZero();

        MediaId hall = MediaId.random();
        MediaId bedroom = MediaId.random();
        MediaId plan = MediaId.random();
        position = listing.appendMedia(store,
                listing.mediaUploaded(hall, MediaKind.IMAGE, MediaVisibility.PUBLIC, true, 1),
                listing.mediaUploaded(bedroom, MediaKind.IMAGE, MediaVisibility.PUBLIC, false, 2),
                listing.mediaUploaded(plan, MediaKind.FLOOR_PLAN, MediaVisibility.PRIVATE, false, 3));

        for (JsonNode shown : new JsonNode[] {searched(position), detail(position)}) {
            assertThat(shown.path("mediaCount").asInt()).isEqualTo(2);
            assertThat(shown.path("primaryPhoto").path("mediaId").asString()).isEqualTo(hall.toString());
            assertThat(shown.path("primaryPhoto").path("thumbnail").asString()).isEqualTo(thumbnail(hall));
        }

        position = listing.appendMedia(store, listing.primaryChosen(bedroom, hall),
                                       listing.mediaVisibility(hall, MediaVisibility.PRIVATE));

        for (JsonNode shown : new JsonNode[] {searched(position), detail(position)}) {
            assertThat(shown.path("mediaCount").asInt()).isEqualTo(1);
            assertThat(shown.path("primaryPhoto").path("mediaId").asString()).isEqualTo(bedroom.toString());
            assertThat(shown.path("primaryPhoto").path("thumbnail").asString()).isEqualTo(thumbnail(bedroom));
        }
    }

    @Test
    void deletingThePrimaryPhotoShowsTheNextOneAndADeletedMediumIsNoLongerCounted() {
        long position = listing.publish(store);
        MediaId hall = MediaId.random();
        MediaId bedroom = MediaId.random();
        MediaId walk = MediaId.random();
        position = listing.appendMedia(store,
                listing.mediaUploaded(hall, MediaKind.IMAGE, MediaVisibility.PUBLIC, true, 1),
                listing.mediaUploaded(bedroom, MediaKind.IMAGE, MediaVisibility.PUBLIC, false, 2),
                listing.mediaUploaded(walk, MediaKind.VIDEO, MediaVisibility.PUBLIC, false, 3));
        assertThat(detail(position).path("mediaCount").asInt()).isEqualTo(3);

        position = listing.appendMedia(store, listing.mediaDeleted(hall, bedroom, walk),
                                       listing.primaryChosen(bedroom, hall));
        for (JsonNode shown : new JsonNode[] {searched(position), detail(position)}) {
            assertThat(shown.path("mediaCount").asInt()).isEqualTo(2);
            assertThat(shown.path("primaryPhoto").path("mediaId").asString()).isEqualTo(bedroom.toString());
        }

        position = listing.appendMedia(store, listing.mediaDeleted(bedroom, walk),
                                       listing.mediaDeleted(walk));
        for (JsonNode shown : new JsonNode[] {searched(position), detail(position)}) {
            assertThat(shown.path("mediaCount").asInt()).isZero();
            assertThat(shown.path("primaryPhoto").isNull()).isTrue();
        }
    }
}
