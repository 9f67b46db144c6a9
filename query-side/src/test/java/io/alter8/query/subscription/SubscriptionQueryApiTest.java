package io.alter8.query.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanDefined;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanRevised;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionInvoiced;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.property.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriptions read model over HTTP, and its Redis entries: {@code subscription:status:{userId}} and
 * {@code feature:access:{userId}:{featureId}} hold what the events say after each change and after a rebuild.
 */
@QuerySideTest
class SubscriptionQueryApiTest {

    static final LocalDate START = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    EventStoreFixture store = EventStoreFixture.shared();
    final UUID owner = UUID.randomUUID();
    final PlanId basic = PlanId.random();
    final PlanId growth = PlanId.random();
    final SubscriptionId subscription = SubscriptionId.random();

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    static PlanTerms terms(String name, int properties) {
        return new PlanTerms(name, "for tests", Money.of("100", "INR"), Money.of("1000", "INR"), 100, false,
                             new BigDecimal("10"),
                             List.of(new PlanFeature("properties", true, properties), new PlanFeature("units", true, null)));
    }

    long plans() {
        UUID admin = UUID.randomUUID();
        store.append("Plan", basic.value(), 0, new PlanDefined(basic, terms("Basic", 2), new UserId(admin)));
        return store.append("Plan", growth.value(), 0, new PlanDefined(growth, terms("Growth", 10), new UserId(admin)));
    }

    /** Basic, 10 units, 1,000 a month from the first of this month, invoiced; answers the position. */
    long subscribed() {
        plans();
        store.append("Subscription", subscription.value(), 0, new SubscriptionStarted(
                subscription, new UserId(owner), basic, "Basic", PaymentFrequency.MONTHLY, 10, Money.of("1000", "INR"),
                SubscriptionStatus.ACTIVE, START, START.plusMonths(1), true, new UserId(owner)));
        return store.append("Subscription", subscription.value(), 1, new SubscriptionInvoiced(
                subscription, new UserId(owner), 1, basic, START, START.plusMonths(1), Money.of("1000", "INR")));
    }

    long upgraded() {
        return store.append("Subscription", subscription.value(), 2, new SubscriptionChanged(
                subscription, new UserId(owner), basic, growth, "Growth", 15, Money.of("1500", "INR"), START,
                Money.of("500", "INR"), new UserId(owner)));
    }

    Map<Object, Object> statusEntry() {
        return redis.opsForHash().entries("subscription:status:" + owner);
    }

    @Test
    void theSubscriptionItsBillingAndItsStatusEntryFollowTheEvents() {
        subscribed();
        String position = Long.toString(upgraded());
        ApiClient me = as(owner, "owner");

        Response mine = me.get("/api/subscriptions/mine", "X-Await-Position", position);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.header("ETag")).isEqualTo("\"2\"");
        assertThat(mine.json().path("planName").asString()).isEqualTo("Growth");
        assertThat(mine.json().path("currentPrice").path("amount").asString()).isEqualTo("1500.00");
        Response billing = me.get("/api/subscriptions/" + subscription + "/billing");
        assertThat(billing.json().path("items").valueStream().map(i -> i.path("kind").asString() + " "
                + i.path("amount").path("amount").asString())).containsExactly("invoice 1000.00", "charge 500.00");

        // The entry is written just after the projector's commit, which the awaited position may precede a little.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response status = me.get("/api/subscriptions/status");
            assertThat(status.json().path("planName").asString()).isEqualTo("Growth");
            assertThat(status.json().path("unitCount").asString()).isEqualTo("15");
            assertThat(statusEntry()).containsEntry("planId", growth.toString()).containsEntry("status", "active")
                                     .containsEntry("isAutoRenew", "true").containsEntry("version", "2");
        });
        Long ttl = redis.getExpire("subscription:status:" + owner);
        assertThat(ttl).isBetween(3000L, 3600L);

        String ended = Long.toString(store.append("Subscription", subscription.value(), 3, new SubscriptionEnded(
                subscription, new UserId(owner), growth, SubscriptionStatus.EXPIRED, START.plusMonths(1), false)));
        me.get("/api/subscriptions/mine", "X-Await-Position", ended);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(statusEntry()).containsEntry("status", "expired").containsEntry("version", "3")
                                               .containsEntry("endDate", START.plusMonths(1).toString()));
    }

    @Test
    void theStatusEntryIsRebuiltWithTheReadModel() {
        subscribed();
        String head = Long.toString(upgraded());
        ApiClient admin = as(UUID.randomUUID(), "admin");
        assertThat(admin.get("/api/subscriptions/" + subscription, "X-Await-Position", head).status()).isEqualTo(200);
        // Changes no event explains, in both stores, must not survive a rebuild.
        redis.opsForHash().put("subscription:status:" + owner, "planName", "Forged");
        jdbc.update("UPDATE subscription SET plan_name = 'Forged' WHERE id = ?", subscription.value());

        Rebuilds.rebuild(admin, SubscriptionProjector.PROCESSING_GROUP, head);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(statusEntry()).containsEntry("planName", "Growth").containsEntry("version", "2"));
        assertThat(as(owner, "owner").get("/api/subscriptions/mine").json().path("planName").asString())
                .isEqualTo("Growth");
    }

    @Test
    void featureAccessEntriesHoldThePlansLimitAndTheUsageAfterEachChangeAndARebuild() {
        ApiClient me = as(owner, "owner");
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        String registered = Long.toString(store.append("Property", property.id, 0, property.registered()));
        // No subscription: the free tier's limit
        assertProperties(me, registered, true, 5, 1L);
        assertThat(redis.opsForHash().entries("feature:access:" + owner + ":properties"))
                .containsEntry("usageLimit", "5").containsEntry("currentUsage", "1").containsEntry("isEnabled", "true");

        String onBasic = Long.toString(subscribed());
        assertProperties(me, onBasic, true, 2, 1L);

        String revised = Long.toString(store.append("Plan", basic.value(), 1,
                                                    new PlanRevised(basic, terms("Basic", 3), new UserId(owner))));
        assertProperties(me, revised, true, 3, 1L);

        TestEvents.Listing second = new TestEvents.Listing().owner(owner);
        String head = Long.toString(store.append("Property", second.id, 0, second.registered()));
        assertProperties(me, head, true, 3, 2L);

        jdbc.update("DELETE FROM feature_usage WHERE account_id = ?", owner);
        Rebuilds.rebuild(as(UUID.randomUUID(), "admin"), FeatureUsageProjector.PROCESSING_GROUP, head);
        assertProperties(me, head, true, 3, 2L);
        assertThat(redis.opsForHash().entries("feature:access:" + owner + ":properties"))
                .containsEntry("currentUsage", "2");
    }

    /**
     * Waits until the usage endpoint, once the read models reached {@code at}, answers properties as {@code enabled},
     * {@code limit}, {@code usage}: an entry's generation is raised just after the projector's commit, which the
     * awaited position may precede a little.
     */
    private void assertProperties(ApiClient as, String at, boolean enabled, int limit, long usage) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response r = as.get("/api/subscriptions/usage", "X-Await-Position", at);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode feature = r.json().valueStream()
                                .filter(f -> f.path("featureId").asString().equals("properties"))
                                .findFirst().orElseThrow();
            assertThat(List.of(feature.path("isEnabled").asBoolean(), feature.path("usageLimit").asInt(),
                               feature.path("currentUsage").asLong())).containsExactly(enabled, limit, usage);
        });
    }

    @Test
    void anotherAccountsSubscriptionIs404TenantsAre403AndNoTokenIs401() {
        String position = Long.toString(subscribed());
        assertThat(as(owner, "owner").get("/api/subscriptions/" + subscription, "X-Await-Position", position)
                                     .status()).isEqualTo(200);
        Response other = as(UUID.randomUUID(), "owner").get("/api/subscriptions/" + subscription);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).hasValue("application/problem+json");
        assertThat(as(UUID.randomUUID(), "owner").get("/api/subscriptions/" + subscription + "/billing").status())
                .isEqualTo(404);
        assertThat(as(UUID.randomUUID(), "owner").get("/api/subscriptions/status?accountId=" + owner).status())
                .isEqualTo(404);
        assertThat(as(UUID.randomUUID(), "auditor").get("/api/subscriptions/status?accountId=" + owner).status())
                .isEqualTo(200);
        assertThat(as(UUID.randomUUID(), "owner").get("/api/subscriptions/mine").status()).isEqualTo(404);
        assertThat(as(UUID.randomUUID(), "tenant").get("/api/subscriptions/mine").status()).isEqualTo(403);
        assertThat(as(UUID.randomUUID(), "owner").get("/api/admin/subscription-reports/revenue").status())
                .isEqualTo(403);
        assertThat(new ApiClient("http://localhost:" + port).get("/api/plans").status()).isEqualTo(401);
        assertThat(as(UUID.randomUUID(), "tenant").get("/api/plans/" + basic).json().path("terms").path("name")
                                                  .asString()).isEqualTo("Basic");
        assertThat(as(UUID.randomUUID(), "tenant").get("/api/plans/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badParametersAreNamed() {
        Response r = as(UUID.randomUUID(), "analyst").get("/api/admin/subscription-reports/churn?from=May&to=2026-13");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                   .containsExactlyInAnyOrder("from", "to");
        Response account = as(UUID.randomUUID(), "admin").get("/api/subscriptions/usage?accountId=nope");
        assertThat(account.status()).isEqualTo(400);
        assertThat(account.badFields()).containsExactly("accountId");
    }

    @Test
    void reportsGiveRevenuePerPlanAndMonthChurnAndTrialConversion() {
        ApiClient analyst = as(UUID.randomUUID(), "analyst");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        JsonNode conversionBefore = month(analyst.get("/api/admin/subscription-reports/trial-conversion").json(), month);
        subscribed();
        String position = Long.toString(upgraded());
        SubscriptionId trial = SubscriptionId.random();
        UUID trialist = UUID.randomUUID();
        store.append("Subscription", trial.value(), 0, new SubscriptionStarted(
                trial, new UserId(trialist), basic, "Basic", PaymentFrequency.MONTHLY, 10, Money.of("1000", "INR"),
                SubscriptionStatus.TRIAL, START, START.plusDays(14), true, new UserId(trialist)));
        String converted = Long.toString(store.append("Subscription", trial.value(), 1, new SubscriptionRenewed(
                trial, new UserId(trialist), basic, 10, Money.of("1000", "INR"), START.plusDays(14),
                START.plusDays(14).plusMonths(1), true)));

        Response revenue = analyst.get("/api/admin/subscription-reports/revenue?from=" + month + "&to=" + month,
                                       "X-Await-Position", converted);
        assertThat(revenue.status()).as(revenue.body()).isEqualTo(200);
        List<String> lines = revenue.json().valueStream()
                                    .filter(r -> r.path("planId").asString().equals(basic.toString())
                                            || r.path("planId").asString().equals(growth.toString()))
                                    .map(r -> r.path("month").asString() + " " + r.path("planName").asString() + " "
                                            + r.path("amount").path("amount").asString())
                                    .toList();
        // the invoice on Basic, the upgrade's charge on Growth
        assertThat(lines).containsExactly(month + " Basic 1000.00", month + " Growth 500.00");

        JsonNode conversion = month(analyst.get("/api/admin/subscription-reports/trial-conversion").json(), month);
        assertThat(conversion.path("trials").asLong()).isEqualTo(conversionBefore.path("trials").asLong() + 1);
        assertThat(conversion.path("converted").asLong())
                .isEqualTo(conversionBefore.path("converted").asLong() + 1);
        Response churn = analyst.get("/api/admin/subscription-reports/churn");
        assertThat(churn.status()).isEqualTo(200);
        assertThat(churn.json().size()).isEqualTo(12);
        assertThat(position).isNotEmpty();
    }

    private static JsonNode month(JsonNode rows, String month) {
        return rows.valueStream().filter(r -> r.path("month").asString().equals(month)).findFirst()
                   .orElse(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
}
