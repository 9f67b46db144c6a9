package io.alter8.query.processing;

import io.alter8.api.property.PropertyType;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.live.SseClient;
import io.alter8.query.property.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator watches a read model's position move over one Server-Sent Events stream: where it stands at once, then
 * each position it reaches as events are projected. Bad input and unknown groups are refused before any stream
 * opens, and streams are bounded.
 */
@QuerySideTest
class PositionStreamApiTest {

    private static final String PATH = "/api/admin/processing-groups/property-listing/positions";
    private static final String STREAM = "text/event-stream";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final EventStoreFixture store = EventStoreFixture.shared();

    private String base() {
        return "http://localhost:" + port;
    }

    private static String admin() {
        return TestTokens.mint(UUID.randomUUID(), "admin");
    }

    private static long position(SseClient.Event event) {
        return Long.parseLong(event.data());
    }

    @Test
    void anAdminSeesWhereTheListingsStandAndThenEachEventProjected() {
        try (SseClient stream = SseClient.connect(base(), PATH + "?intervalMs=2", admin(), null)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.contentType).startsWith("text/event-stream");
            await().atMost(Duration.ofSeconds(5)).until(() -> !stream.named("position").isEmpty());
            long first = position(stream.named("position").get(0));

            UUID property = UUID.randomUUID();
            long appended = store.append("Property", property, 0,
                                         TestEvents.registered(property, "Watched flat", "Pune", PropertyType.APARTMENT,
                                                               2, "21000.00"));

            assertThat(appended).isGreaterThan(first);
            await().atMost(Duration.ofSeconds(10))
                   .until(() -> stream.named("position").stream().anyMatch(e -> position(e) >= appended));
            // Sent only when it moves: no position twice in a row.
            List<Long> sent = stream.named("position").stream().map(PositionStreamApiTest::position).toList();
            for (int i = 1; i < sent.size(); i++) {
                assertThat(sent.get(i)).isNotEqualTo(sent.get(i - 1));
            }
            // The read model has what the stream said it reached.
            assertThat(jdbc.queryForObject("SELECT count(*) FROM property_listing WHERE id = ?", Integer.class,
                                           property)).isEqualTo(1);
        }
    }

    @Test
    void aBadIntervalAndAnUnknownGroupAreRefusedBeforeAStreamOpens() {
        ApiClient admin = new ApiClient(base()).withToken(admin());

        ApiClient.Response tooOften = admin.get(PATH + "?intervalMs=0", "Accept", STREAM);
        ApiClient.Response notANumber = admin.get(PATH + "?intervalMs=soon", "Accept", STREAM);
        ApiClient.Response unknown = admin.get("/api/admin/processing-groups/no-such-group/positions", "Accept",
                                               STREAM);

        assertThat(tooOften.status()).isEqualTo(400);
        assertThat(tooOften.badFields()).containsExactly("intervalMs");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.badFields()).containsExactly("intervalMs");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aUserHasOnlySoManyStreamsOpenAtOnce() {
        String admin = admin();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < PositionStreams.PER_USER; i++) {
                open.add(SseClient.connect(base(), PATH, admin, null));
            }
            assertThat(open).allSatisfy(stream -> assertThat(stream.status).isEqualTo(200));

            SseClient refused = SseClient.connect(base(), PATH, admin, null);
            SseClient another = SseClient.connect(base(), PATH, admin(), null);
            open.add(another);

            assertThat(refused.status).isEqualTo(429);
            assertThat(refused.body).contains("too-many-streams");
            assertThat(another.status).isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
