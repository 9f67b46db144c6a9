package io.alter8.query.processing;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.property.TestEvents.Listing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the catalog cannot store (a NUL in its title, which PostgreSQL refuses, written straight to the event
 * store as a command side without the edge check would have) is parked in the dead-letter queue with the events of
 * its property behind it; listings of other properties — in the same segment — still reach search, the operators see
 * the letter, and the status says the read model has dead letters.
 */
@QuerySideTest
class PoisonEventTest {

    static final String GROUP = "property-listing";
    static final String LETTERS = "/api/admin/processing-groups/" + GROUP + "/dead-letters";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    EventStoreFixture store = EventStoreFixture.shared();

    ApiClient as(String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(), role));
    }

    /**
     * A property whose events fall in the same segment as {@code other}'s: Axon assigns an aggregate by the low bits
     * of its id's hash (as many as the segment mask has), so equal low eight bits mean the same segment for up to
     * 256 segments.
     */
    static Listing inTheSegmentOf(UUID other) {
        while (true) {
            UUID id = UUID.randomUUID();
            if ((id.toString().hashCode() & 0xFF) == (other.toString().hashCode() & 0xFF)) {
                return new Listing(id);
            }
        }
    }

    static List<JsonNode> lettersOf(ApiClient admin, UUID property) {
        Response r = admin.get(LETTERS + "?size=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("items").valueStream()
                .filter(letter -> letter.path("sequence").asString().equals(property.toString())).toList();
    }

    @Test
    void aPoisonEventIsParkedAndEveryOtherPropertyStillReachesTheCatalog() {
        Listing poison = new Listing().title("2BHK\u0000 near the metro");
        poison.append(store, poison.registered());
        poison.append(store, poison.unitAdded());
        Listing healthy = inTheSegmentOf(poison.id).title("A flat that gets through");
        long healthyAt = healthy.publish(store);
        ApiClient tenant = as("tenant");
        ApiClient admin = as("admin");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                tenant.get("/api/properties/" + healthy.id, "X-Await-Position", Long.toString(healthyAt)).status())
                .isEqualTo(200));
        Response detail = tenant.get("/api/properties/" + healthy.id, "X-Await-Position", Long.toString(healthyAt));
        assertThat(detail.json().path("title").asString()).isEqualTo("A flat that gets through");
        assertThat(Long.parseLong(detail.header("X-Read-Position"))).isGreaterThanOrEqualTo(healthyAt);
        assertThat(tenant.get("/api/properties?q=gets+through", "X-Await-Position", Long.toString(healthyAt)).json()
                         .path("items").valueStream().map(p -> p.path("id").asString()))
                .contains(healthy.id.toString());
        assertThat(admin.get("/api/properties/" + poison.id).status()).isEqualTo(404);

        // The poison and the event of its property behind it, in order, with the database's reason.
        List<JsonNode> letters = lettersOf(admin, poison.id);
        assertThat(letters).extracting(l -> l.path("eventType").asString())
                           .containsExactly("PropertyRegistered", "UnitAdded");
        assertThat(letters.get(0).path("index").asLong()).isLessThan(letters.get(1).path("index").asLong());
        assertThat(letters.get(0).path("causeMessage").asString()).contains("0x00");
        assertThat(letters.get(0).path("causeMessage").asString()).doesNotContainIgnoringCase("insert into");

        // The status says so, segment by segment, and the service stays ready.
        JsonNode status = admin.get("/actuator/processors/" + GROUP).json();
        assertThat(status.path("state").asString()).isEqualTo("dead-letters");
        assertThat(status.path("deadLetters").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(status.path("error").asBoolean()).isFalse();
        assertThat(status.path("segments").valueStream().map(s -> s.path("position").asLong()))
                .hasSize(2).allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(healthyAt));
        Response readiness = admin.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("eventStore").path("details").path(GROUP)
                            .path("deadLetters").asLong()).isGreaterThanOrEqualTo(2);

        // A retry meets the same refusal: the letters stay, in order.
        Response retry = admin.post(LETTERS + "/" + letters.get(0).path("id").asString() + "/retry", "");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(lettersOf(admin, poison.id)).hasSize(2);

        // Evicted, they are gone for good.
        for (JsonNode letter : letters) {
            assertThat(admin.delete(LETTERS + "/" + letter.path("id").asString()).status()).isEqualTo(204);
        }
        assertThat(lettersOf(admin, poison.id)).isEmpty();
        assertThat(admin.delete(LETTERS + "/" + letters.get(0).path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void aRetryAfterTheCauseIsGoneBringsTheParkedEventsIntoTheCatalogInOrder() {
        // The read store refuses one title for now, as it might refuse a value after a schema change.
        jdbc.execute("ALTER TABLE property_listing ADD CONSTRAINT poison_event_test CHECK (title <> 'Refused for now') "
                             + "NOT VALID");
        Listing refused = new Listing().title("Refused for now");
        long at;
        try {
            at = refused.publish(store);
            ApiClient admin = as("admin");
            await().atMost(Duration.ofSeconds(15)).until(() -> lettersOf(admin, refused.id).size() == 5);
        } finally {
            jdbc.execute("ALTER TABLE property_listing DROP CONSTRAINT poison_event_test");
        }
        ApiClient admin = as("admin");
        String first = lettersOf(admin, refused.id).get(0).path("id").asString();

        Response retry = admin.post(LETTERS + "/" + first + "/retry", "");

        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().path("processed").asBoolean()).isTrue();
        assertThat(lettersOf(admin, refused.id)).isEmpty();
        Response detail = as("tenant").get("/api/properties/" + refused.id, "X-Await-Position", Long.toString(at));
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().path("title").asString()).isEqualTo("Refused for now");
        assertThat(detail.json().path("status").asString()).isEqualTo("active");
    }

    @Test
    void onlyAdminsHandleDeadLettersAndAnUnknownGroupIsA404() {
        assertThat(as("tenant").get(LETTERS).status()).isEqualTo(403);
        assertThat(as("auditor").post(LETTERS + "/x/retry", "").status()).isEqualTo(403);
        assertThat(as("owner").delete(LETTERS + "/x").status()).isEqualTo(403);
        Response unknown = as("admin").get("/api/admin/processing-groups/no-such-group/dead-letters");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
