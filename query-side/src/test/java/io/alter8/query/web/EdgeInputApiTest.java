package io.alter8.query.web;

import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.processing.ProcessorPositions;
import io.alter8.query.property.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the query side refuses at its edge: control characters in parameters, and waits that cannot end well. */
@QuerySideTest
class EdgeInputApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ProcessorPositions positions;
    EventStoreFixture store = EventStoreFixture.shared();

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    static void assertBadFields(Response r, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.badFields()).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aSearchForANulIsA400NamingQNotA500() {
        Response r = as(UUID.randomUUID(), "tenant").get("/api/properties?q=%00");

        assertBadFields(r, "q");
        assertThat(r.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void everyParameterWithAControlCharacterIsNamedAtOnce() {
        Response r = as(UUID.randomUUID(), "tenant").get("/api/properties?q=flat%1B&city=Pune%07&minBedrooms=2");

        assertBadFields(r, "q", "city");
    }

    @Test
    void aPositionBeyondTheNewestEventIsRefusedAtOnceInsteadOfWaitedFor() {
        long head = store.head();
        long started = System.nanoTime();

        Response r = as(UUID.randomUUID(), "tenant").get("/api/properties", "X-Await-Position",
                                                        Long.toString(head + 1_000_000));

        assertBadFields(r, "X-Await-Position");
        // The test context waits at most 2 s for a position; a refusal does not wait at all.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void everyWaitCountsAgainstTheCallersRateLimit() {
        UUID caller = UUID.randomUUID();
        ApiClient client = as(caller, "tenant");
        String key = "rate_limit:api:" + caller + ":await_position";
        TestEvents.Listing listing = new TestEvents.Listing();
        String at = Long.toString(listing.publish(store));
        await().atMost(Duration.ofSeconds(10))
               .until(() -> positions.lowestPosition().orElse(-1) >= Long.parseLong(at));

        Response search = client.get("/api/properties", "X-Await-Position", at);
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        Response lookup = client.get("/api/lookups/amenities", "X-Await-Position", at);
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(client.get("/api/properties").status()).isEqualTo(200);

        assertThat(redis.opsForValue().get(key)).isEqualTo("2");
    }
}
