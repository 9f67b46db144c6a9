package io.alter8.query.subscription;

import io.alter8.api.common.UserId;
import io.alter8.api.user.UserLoggedIn;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.property.TestEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage patterns reach MongoDB off the request path: page views of the API, feature uses and logins from their
 * events (once, however often an event is delivered), and a full queue drops and counts rather than waits.
 */
@QuerySideTest
class UsagePatternsTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    EventStoreFixture store = EventStoreFixture.shared();

    Document patternsOf(UUID user) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(user.toString())), Document.class,
                             UsagePatterns.COLLECTION);
    }

    @Test
    void pageViewsFeatureUsesAndLoginsAreRecordedPerUser() {
        UUID user = UUID.randomUUID();
        ApiClient me = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, "owner"));
        assertThat(me.get("/api/plans").status()).isEqualTo(200);
        assertThat(me.get("/api/plans").status()).isEqualTo(200);
        TestEvents.Listing listing = new TestEvents.Listing().owner(user);
        store.append("Property", listing.id, 0, listing.registered(), Map.of("userId", user.toString()));
        store.append("User", user, 0, new UserLoggedIn(new UserId(user), Instant.parse("2026-12-01T09:00:00Z")),
                     Map.of("clientIp", "203.0.113.9"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document doc = patternsOf(user);
            assertThat(doc).isNotNull();
            List<Document> pages = doc.getList("pageViews", Document.class);
            assertThat(pages).extracting(p -> p.get("page") + " " + p.get("viewCount"))
                             .containsExactly("/api/plans 2");
            List<Document> features = doc.getList("features", Document.class);
            assertThat(features).hasSize(1);
            assertThat(features.get(0).get("usageCount")).isEqualTo(1L);
            assertThat(features.get(0).getList("actions", Document.class).get(0).get("actionType"))
                    .isEqualTo("property_registered");
            assertThat(doc.getList("loginHistory", Document.class)).extracting(l -> l.get("ipAddress"))
                                                                   .containsExactly("203.0.113.9");
        });
    }

    @Test
    void aFullQueueDropsTheSignalAndCountsItInsteadOfWaiting() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        // Not started: nothing drains the queue of one place.
        UsagePatterns patterns = new UsagePatterns(mongo, meters, 1, Duration.ofMillis(200));
        UsagePatterns.PageView view = new UsagePatterns.PageView(UUID.randomUUID(), null, "/api/plans",
                                                                 Instant.parse("2026-12-01T10:00:00Z"), 3);

        assertThat(patterns.record(view)).isTrue();
        assertThat(patterns.record(view)).isFalse();
        assertThat(patterns.record(view)).isFalse();

        assertThat(patterns.dropped()).isEqualTo(2);
        assertThat(patterns.pending()).isEqualTo(1);
        assertThat(meters.counter("alter8.usage_patterns.dropped").count()).isEqualTo(2.0);
    }
}
