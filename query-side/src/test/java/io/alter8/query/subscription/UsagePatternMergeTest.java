package io.alter8.query.subscription;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How a batch of signals merges into one user's document, without MongoDB: what the writer then stores. */
class UsagePatternMergeTest {

    static final UUID USER = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    static final Date NOW = Date.from(AT.plusSeconds(60));

    static UsagePatterns.FeatureUse use(String eventId) {
        return new UsagePatterns.FeatureUse(USER, "feature-1", "property_registered", AT, eventId);
    }

    @Test
    void aNewUsersBatchMakesTheirDocumentWithEverySignalInOrder() {
        List<UsagePatterns.Signal> batch = List.of(
                new UsagePatterns.PageView(USER, "s-1", "/api/plans", AT, 10),
                use("e-1"),
                new UsagePatterns.PageView(USER, "s-2", "/api/plans", AT.plusSeconds(1), 30),
                new UsagePatterns.Login(USER, AT, "203.0.113.9", "e-2"),
                use("e-3"));

        Document doc = UsagePatterns.merged(null, USER.toString(), batch, NOW);

        assertThat(doc.get("_id")).isEqualTo(USER.toString());
        assertThat(doc.get("createdAt")).isEqualTo(NOW);
        assertThat(doc.get("updatedAt")).isEqualTo(NOW);
        assertThat(doc.get("sessionId")).isEqualTo("s-2");
        Document page = doc.getList("pageViews", Document.class).get(0);
        assertThat(page.get("viewCount")).isEqualTo(2L);
        assertThat(page.get("averageDuration")).isEqualTo(20.0);
        Document feature = doc.getList("features", Document.class).get(0);
        assertThat(feature.get("usageCount")).isEqualTo(2L);
        assertThat(feature.getList("actions", Document.class))
                .extracting(a -> a.get("metadata", Document.class).get("eventId")).containsExactly("e-1", "e-3");
        assertThat(doc.getList("loginHistory", Document.class)).extracting(l -> l.get("ipAddress"))
                                                               .containsExactly("203.0.113.9");
    }

    @Test
    void anEventDeliveredTwiceCountsOnceWithinABatchAndAcrossBatches() {
        Document first = UsagePatterns.merged(null, USER.toString(),
                                              List.of(use("e-1"), use("e-1"),
                                                      new UsagePatterns.Login(USER, AT, "203.0.113.9", "e-2"),
                                                      new UsagePatterns.Login(USER, AT, "203.0.113.9", "e-2")),
                                              NOW);
        Document again = UsagePatterns.merged(first, USER.toString(),
                                              List.of(use("e-1"), new UsagePatterns.Login(USER, AT, "203.0.113.9",
                                                                                          "e-2")), NOW);

        assertThat(again.getList("features", Document.class).get(0).get("usageCount")).isEqualTo(1L);
        assertThat(again.getList("loginHistory", Document.class)).hasSize(1);
        assertThat(again.get("createdAt")).isEqualTo(NOW);
    }

    @Test
    void aBatchLongerThanTheHistoryKeepsOnlyTheNewestActionsButCountsThemAll() {
        List<UsagePatterns.Signal> batch = new ArrayList<>();
        IntStream.range(0, UsagePatterns.KEPT + 10).forEach(i -> batch.add(use("e-" + i)));

        Document doc = UsagePatterns.merged(null, USER.toString(), batch, NOW);

        Document feature = doc.getList("features", Document.class).get(0);
        assertThat(feature.get("usageCount")).isEqualTo((long) UsagePatterns.KEPT + 10);
        List<Document> actions = feature.getList("actions", Document.class);
        assertThat(actions).hasSize(UsagePatterns.KEPT);
        assertThat(actions.get(0).get("metadata", Document.class).get("eventId")).isEqualTo("e-10");
    }
}
