package io.alter8.query.property;

import io.alter8.api.common.UserId;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.user.Role;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.user.UserTestEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One property, its units and reviews, and portfolios through HTTP: what each caller sees, and the errors. */
@QuerySideTest
class PropertyQueryApiTest {

    @LocalServerPort
    int port;
    EventStoreFixture store = EventStoreFixture.shared();
    @Autowired
    EventProcessingConfiguration processing;

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    ApiClient as(String role) {
        return as(UUID.randomUUID(), role);
    }

    static String at(long position) {
        return Long.toString(position);
    }

    @Test
    void detailShowsEveryPartWithNamesAndMasterDataAndNoPersonalData() {
        UUID owner = UUID.randomUUID();
        store.append("UserAccount", owner, 0, UserTestEvents.registered(owner, "Asha", "Rao", Role.OWNER));
        TestEvents.Listing p = new TestEvents.Listing().owner(owner).amenities("parking", "gym");
        p.publish(store);
        long position = p.append(store, p.reviewed(UUID.randomUUID(), 4, "Good light"));
        ApiClient tenant = as("tenant");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                tenant.get("/api/properties/" + p.id, "X-Await-Position", at(position)).json()
                      .path("owner").path("name").asString()).isEqualTo("Asha Rao"));
        Response r = tenant.get("/api/properties/" + p.id, "X-Await-Position", at(position));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"5\"");
        assertThat(Long.parseLong(r.header("X-Read-Position"))).isGreaterThanOrEqualTo(position);
        JsonNode body = r.json();
        assertThat(body.path("id").asString()).isEqualTo(p.id.toString());
        assertThat(body.path("owner").path("id").asString()).isEqualTo(owner.toString());
        assertThat(body.path("listingAgent").isNull()).isTrue();
        assertThat(body.path("title").asString()).isEqualTo("2BHK near the metro");
        assertThat(body.path("propertyType").asString()).isEqualTo("apartment");
        assertThat(body.path("specs").path("furnishing").asString()).isEqualTo("semi_furnished");
        assertThat(body.path("specs").path("bathrooms").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(body.path("location").path("address").path("city").asString()).isEqualTo("Bangalore");
        assertThat(body.path("location").path("areaName").asString()).isEqualTo("Koramangala");
        assertThat(body.path("location").path("coordinates").path("latitude").asDouble()).isEqualTo(12.9352);
        assertThat(body.path("terms").path("monthlyRent").path("amount").asString()).isEqualTo("25000.00");
        assertThat(body.path("terms").path("securityDeposit").path("currency").asString()).isEqualTo("INR");
        assertThat(body.path("preferences").path("preferredTenantType").asString()).isEqualTo("any");
        assertThat(body.path("seo").path("slug").asString()).isEqualTo("slug-" + p.id);
        assertThat(body.path("amenities").valueStream().map(a -> a.path("name").asString() + "/"
                + a.path("category").asString())).containsExactly("Parking/convenience", "Gym/fitness");
        assertThat(body.path("units")).hasSize(1);
        assertThat(body.path("units").get(0).path("unitNumber").asString()).isEqualTo("1");
        assertThat(body.path("units").get(0).path("features").path("view").asString()).isEqualTo("garden");
        assertThat(body.path("totalUnits").asInt()).isEqualTo(1);
        assertThat(body.path("availableUnits").asInt()).isEqualTo(1);
        assertThat(body.path("status").asString()).isEqualTo("active");
        assertThat(body.path("listingStatus").asString()).isEqualTo("public");
        assertThat(body.path("verification").path("status").asString()).isEqualTo("verified");
        assertThat(body.path("verification").path("verifiedAt").isNull()).isFalse();
        assertThat(body.path("verification").path("verifiedBy").isNull()).as("not to a tenant").isTrue();
        assertThat(body.path("verification").path("notes").isNull()).isTrue();
        assertThat(body.path("rating").decimalValue()).isEqualByComparingTo("4");
        assertThat(body.path("reviewCount").asInt()).isEqualTo(1);
        assertThat(body.path("publishedAt").isNull()).isFalse();
        assertThat(r.body()).doesNotContain("@example.com").doesNotContain("9876543210");
    }

    /** The attack: anyone signed in read who verified a public listing and the verifier's notes. */
    @Test
    void verificationNotesAndVerifierAreShownOnlyToThePropertysPeopleAdminsAndReaders() {
        UUID owner = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        TestEvents.Listing p = new TestEvents.Listing().owner(owner);
        p.publish(store);
        long position = p.append(store, new ListingAgentChanged(p.propertyId(), null, new UserId(agent),
                                                                new UserId(owner)));
        String path = "/api/properties/" + p.id;

        for (ApiClient outsider : List.of(as("tenant"), as("owner"), as("agent"), as("field_executive"),
                                          as("property_manager"))) {
            JsonNode verification = outsider.get(path, "X-Await-Position", at(position)).json().path("verification");
            assertThat(verification.path("status").asString()).isEqualTo("verified");
            assertThat(verification.path("verifiedBy").isNull()).isTrue();
            assertThat(verification.path("notes").isNull()).isTrue();
        }
        for (ApiClient insider : List.of(as(owner, "owner"), as(agent, "agent"), as("admin"), as("auditor"),
                                         as("analyst"))) {
            JsonNode verification = insider.get(path, "X-Await-Position", at(position)).json().path("verification");
            assertThat(verification.path("notes").asString()).isEqualTo("checked");
            assertThat(verification.path("verifiedBy").isNull()).isFalse();
        }
    }

    @Test
    void aPrivateOrInactivePropertyIsSeenOnlyByItsPeopleAndReaders() {
        UUID owner = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        TestEvents.Listing p = new TestEvents.Listing().owner(owner);
        long position = p.append(store, p.registered(), p.unitAdded(),
                                 new ListingAgentChanged(p.propertyId(), null, new UserId(agent), new UserId(owner)),
                                 new PropertyManagerChanged(p.propertyId(), null, new UserId(manager),
                                                            new UserId(owner)));
        List<ApiClient> allowed = List.of(as(owner, "owner"), as(agent, "agent"), as(manager, "property_manager"),
                                          as("admin"), as("super_admin"), as("auditor"), as("analyst"));
        List<ApiClient> refused = List.of(as("tenant"), as("owner"), as("agent"), as("field_executive"),
                                          as("property_manager"));

        for (String route : List.of("", "/units", "/reviews")) {
            String path = "/api/properties/" + p.id + route;
            for (ApiClient caller : allowed) {
                assertThat(caller.get(path, "X-Await-Position", at(position)).status()).as(path).isEqualTo(200);
            }
            for (ApiClient caller : refused) {
                Response r = caller.get(path, "X-Await-Position", at(position));
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/not-found");
            }
        }
        // Published: everyone; made private again: its people only.
        long published = p.append(store, p.publishing().subList(2, 5).toArray());
        assertThat(as("tenant").get("/api/properties/" + p.id, "X-Await-Position", at(published)).status())
                .isEqualTo(200);
        long hidden = p.append(store, p.listing(ListingStatus.PUBLIC, ListingStatus.PRIVATE));
        assertThat(as("tenant").get("/api/properties/" + p.id, "X-Await-Position", at(hidden)).status())
                .isEqualTo(404);
        assertThat(as(owner, "owner").get("/api/properties/" + p.id).json().path("listingStatus").asString())
                .isEqualTo("private");
    }

    @Test
    void unitAvailabilityCountsVacantUnitsAndShowsLeasesOnlyToThePropertysPeople() {
        UUID owner = UUID.randomUUID();
        UUID lease = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TestEvents.Listing p = new TestEvents.Listing().owner(owner);
        p.publish(store);
        long position = p.append(store, p.unitAdded(second, "2"), p.occupied(p.unitId, lease));

        Response r = as("tenant").get("/api/properties/" + p.id + "/units", "X-Await-Position", at(position));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"6\"");
        JsonNode body = r.json();
        assertThat(body.path("totalUnits").asInt()).isEqualTo(2);
        assertThat(body.path("availableUnits").asInt()).isEqualTo(1);
        assertThat(body.path("units").valueStream().map(u -> u.path("unitNumber").asString() + ":"
                + u.path("occupied").asBoolean())).containsExactly("1:true", "2:false");
        assertThat(body.path("units").get(0).path("leaseId").isNull()).isTrue();

        JsonNode owners = as(owner, "owner").get("/api/properties/" + p.id + "/units").json();
        assertThat(owners.path("units").get(0).path("leaseId").asString()).isEqualTo(lease.toString());
    }

    @Test
    void reviewsArePagedNewestFirstAndALaterReviewReplacesTheReviewers() {
        UUID reviewer = UUID.randomUUID();
        TestEvents.Listing p = new TestEvents.Listing();
        p.publish(store);
        p.append(store, p.reviewed(reviewer, 2, "Noisy"), p.reviewed(UUID.randomUUID(), 5, "Lovely"));
        long position = p.append(store, p.reviewed(reviewer, 4, "Quieter now"));

        Response r = as("tenant").get("/api/properties/" + p.id + "/reviews?size=1", "X-Await-Position",
                                      at(position));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("total").asLong()).isEqualTo(2);
        JsonNode newest = r.json().path("items").get(0);
        assertThat(newest.path("reviewer").path("id").asString()).isEqualTo(reviewer.toString());
        assertThat(newest.path("rating").asInt()).isEqualTo(4);
        assertThat(newest.path("comment").asString()).isEqualTo("Quieter now");
        assertThat(as("tenant").get("/api/properties/" + p.id).json().path("rating").decimalValue())
                .isEqualByComparingTo("4.5");
    }

    @Test
    void anOwnersPortfolioHasEveryStatusForThemAndForReaders() {
        UUID owner = UUID.randomUUID();
        TestEvents.Listing draft = new TestEvents.Listing().owner(owner).title("Draft");
        draft.append(store, draft.registered());
        TestEvents.Listing open = new TestEvents.Listing().owner(owner).title("Open");
        long position = open.publish(store);
        new TestEvents.Listing().publish(store);

        Response mine = as(owner, "owner").get("/api/properties/mine", "X-Await-Position", at(position));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(PropertySearchApiTest.ids(mine)).containsExactly(open.id.toString(), draft.id.toString());
        assertThat(mine.json().path("items").get(1).path("status").asString()).isEqualTo("draft");
        assertThat(PropertySearchApiTest.ids(as(owner, "owner").get("/api/properties/mine?sort=title")))
                .containsExactly(draft.id.toString(), open.id.toString());
        for (String reader : List.of("admin", "auditor", "analyst")) {
            assertThat(PropertySearchApiTest.ids(as(reader).get("/api/owners/" + owner + "/properties")))
                    .containsExactly(open.id.toString(), draft.id.toString());
        }
        assertThat(as(owner, "owner").get("/api/owners/" + owner + "/properties").status()).isEqualTo(200);

        Response other = as("owner").get("/api/owners/" + owner + "/properties");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).hasValue("application/problem+json");
        assertThat(as("tenant").get("/api/owners/" + owner + "/properties").status()).isEqualTo(403);
        assertThat(as("tenant").get("/api/properties/mine").status()).isEqualTo(403);
        assertThat(as(owner, "owner").get("/api/properties/mine?sort=owner").fieldErrors())
                .containsExactly("sort: can sort by monthlyRent, registeredAt, title");
    }

    @Test
    void aPositionNotReachedInTimeIsA503WithRetryAfter() {
        // The catalog stopped: the event is stored but not projected within the wait.
        StreamingEventProcessor catalog = processing.eventProcessor(PropertyListingProjector.PROCESSING_GROUP,
                                                                    StreamingEventProcessor.class).orElseThrow();
        catalog.shutDown();
        Response r;
        try {
            long position = new TestEvents.Listing().publish(store);
            r = as("tenant").get("/api/properties/" + UUID.randomUUID(), "X-Await-Position", at(position));
        } finally {
            catalog.start();
        }

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/position-not-reached");
    }

    @Test
    void aMalformedAwaitPositionIsA400() {
        Response r = as("tenant").get("/api/properties/" + UUID.randomUUID(), "X-Await-Position", "soon");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("X-Await-Position: must be a position: a whole number, 0 or more");
    }

    @Test
    void unknownAndMalformedIds() {
        long position = new TestEvents.Listing().publish(store);
        for (String route : List.of("", "/units", "/reviews")) {
            Response r = as("admin").get("/api/properties/" + UUID.randomUUID() + route, "X-Await-Position",
                                         at(position));
            assertThat(r.status()).as(route).isEqualTo(404);
            assertThat(r.contentType()).hasValue("application/problem+json");
            assertThat(as("admin").get("/api/properties/not-a-uuid" + route).fieldErrors())
                    .containsExactly("id: has an invalid value");
        }
        assertThat(as("tenant").get("/api/properties/" + UUID.randomUUID() + "/reviews?size=0").fieldErrors())
                .containsExactly("size: must be between 1 and 100");
    }

    @Test
    void everyRouteNeedsAToken() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        UUID id = UUID.randomUUID();
        for (String path : List.of("/api/properties/" + id, "/api/properties/" + id + "/units",
                                   "/api/properties/" + id + "/reviews", "/api/properties/mine",
                                   "/api/owners/" + id + "/properties")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
    }
}
