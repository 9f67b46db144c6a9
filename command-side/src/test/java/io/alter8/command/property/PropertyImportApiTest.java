package io.alter8.command.property;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins seed listings in bulk; every listing still goes through the aggregate and its events. */
@CommandSideTest
class PropertyImportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient admin;
    String owner;

    @BeforeEach
    void setUp() {
        ApiClient anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        owner = TestUsers.register(anonymous, "owner", "a long enough password").id().toString();
    }

    static String listing(String property) {
        return "{\"property\": " + property
                + ", \"verification\": \"verified\", \"activate\": true, \"listingStatus\": \"public\"}";
    }

    static String importBody(List<String> listings) {
        return "{\"listings\": [" + String.join(",", listings) + "]}";
    }

    @Test
    void anAdminImportsListingsThatAreVerifiedActiveAndPublicAndAgainChangesNothing() {
        String first = UUID.randomUUID().toString();
        String body = importBody(List.of(
                listing(apartment(first, owner, "Imported flat", "20000")),
                listing(apartment(UUID.randomUUID().toString(), owner, "Too much deposit", "1000")),
                "{\"property\": " + apartment(null, owner, "Draft only", "15000") + "}"));

        Response r = admin.post("/api/admin/property-imports", body);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("imported").asInt()).isEqualTo(2);
        assertThat(answer.path("failed").asInt()).isEqualTo(1);
        JsonNode refused = answer.path("results").get(1);
        assertThat(refused.path("outcome").asString()).isEqualTo("failed");
        assertThat(refused.path("status").asInt()).isEqualTo(409);
        assertThat(refused.path("type").asString()).isEqualTo("https://alter8.io/problems/deposit-too-high");
        JsonNode imported = answer.path("results").get(0);
        assertThat(imported.path("id").asString()).isEqualTo(first);
        assertThat(imported.path("version").asLong()).isEqualTo(4);
        assertThat(answer.path("position").asLong()).isGreaterThanOrEqualTo(imported.path("position").asLong());
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                             + "ORDER BY sequence_number", String.class, first))
                .containsExactly("io.alter8.api.property.PropertyRegistered", "io.alter8.api.property.UnitAdded",
                                 "io.alter8.api.property.PropertyVerificationChanged",
                                 "io.alter8.api.property.PropertyStatusChanged",
                                 "io.alter8.api.property.ListingStatusChanged");
        assertThat(answer.path("results").get(2).path("version").asLong()).as("registered, no more").isEqualTo(1);

        Response again = admin.post("/api/admin/property-imports", importBody(List.of(
                listing(apartment(first, owner, "Imported flat", "20000")))));
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().path("results").get(0).path("version").asLong()).isEqualTo(4);
    }

    @Test
    void everyBadFieldOfEveryListingIsNamedAndNothingIsImported() {
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class);
        Response r = admin.post("/api/admin/property-imports", importBody(List.of(
                listing(apartment(null, owner, "Fine", "20000")),
                "{\"property\": " + apartment(null, owner, null, "-1") + ", \"listingStatus\": \"loud\"}")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactlyInAnyOrder(
                "listings[1].property.title: must not be blank",
                "listings[1].property.terms.monthlyRent.amount: must be > 0",
                "listings[1].listingStatus: must be one of: private, public, featured");
        Response withoutOwner = admin.post("/api/admin/property-imports",
                                           importBody(List.of(listing(apartment(null, null, "Whose?", "20000")))));
        assertThat(withoutOwner.fieldErrors()).containsExactly("listings[0].property.ownerId: must not be null");
        Response tooMany = admin.post("/api/admin/property-imports", importBody(
                IntStream.range(0, 501).mapToObj(i -> listing(apartment(null, owner, "Flat", "20000"))).toList()));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.fieldErrors()).containsExactly("listings: size must be between 1 and 500");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class)).isEqualTo(before);
    }

    @Test
    void aListingWhoseMadeSlugARacingRegistrationTookFirstIsImportedWithItsOwn() throws Exception {
        String title = "Race " + UUID.randomUUID().toString().substring(0, 8);
        String base = title.toLowerCase().replace(' ', '-') + "-koramangala";
        String id = UUID.randomUUID().toString();

        Response r = SlugRace.lostTo(jdbc, base, () -> admin.post("/api/admin/property-imports", importBody(List.of(
                listing(apartment(id, owner, title, "20000"))))));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT slug FROM property_slug_claim WHERE property_id = ?", String.class,
                                       UUID.fromString(id))).isEqualTo(base + "-" + id.substring(0, 8));
    }

    /** Not a benchmark that fails: it prints the rate so that the figure in the README can be checked. */
    @Test
    void fiveHundredListingsAreImportedInOneRequest() {
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < PropertyImportController.MAX_LISTINGS; i++) {
            listings.add(listing(apartment(null, owner, "Bulk flat " + (i % 50), String.valueOf(15000 + i * 10))));
        }
        String body = importBody(listings);
        admin.post("/api/admin/property-imports", importBody(listings.subList(0, 50)));

        long start = System.nanoTime();
        Response r = admin.post("/api/admin/property-imports", body);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.body()).isEqualTo(PropertyImportController.MAX_LISTINGS);
        System.out.printf("property import: %d listings in %.2f s = %.0f listings/s%n",
                          PropertyImportController.MAX_LISTINGS, seconds,
                          PropertyImportController.MAX_LISTINGS / seconds);
    }
}
