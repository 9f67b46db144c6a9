package io.alter8.command.subscription;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.alter8.command.property.PropertyBodies.apartment;
import static io.alter8.command.property.PropertyBodies.building;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans and subscriptions over HTTP, every error path, and the limits they put on other features' commands: a limit
 * hit answers 403 naming it, an upgrade lifts it at once, and two commands racing for the last place admit one.
 */
@CommandSideTest
public class SubscriptionCommandApiTest {

    static final String ONE_PROPERTY = "[{\"feature\": \"properties\", \"usageLimit\": 1}, {\"feature\": \"units\"}]";
    static final String THREE_PROPERTIES = "[{\"feature\": \"properties\", \"usageLimit\": 3}, {\"feature\": \"units\"}]";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway gateway;
    @Autowired
    PlanEntitlements entitlements;
    @Autowired
    Clock clock;
    ApiClient anonymous;
    ApiClient admin;
    UUID ownerId;
    ApiClient owner;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        ownerId = UUID.randomUUID();
        owner = anonymous.withToken(TestTokens.mint(ownerId, "owner"));
    }

    List<String> eventTypes(String id) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, id)
                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL", Long.class);
    }

    public static void assertPlanLimit(Response r, String feature, int limit, int usage) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).endsWith("/problems/plan-limit");
        assertThat(r.json().path("feature").asString()).isEqualTo(feature);
        assertThat(r.json().path("limit").asInt()).isEqualTo(limit);
        assertThat(r.json().path("usage").asInt()).isEqualTo(usage);
    }

    @Test
    void anAdminDefinesAPlanAndAnOwnerSubscribesToItPaidAndInvoiced() {
        Response defined = admin.post("/api/plans", Plans.plan("Starter", ONE_PROPERTY));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String plan = defined.json().path("id").asString();
        assertThat(defined.header("Location")).endsWith("/api/plans/" + plan);
        assertThat(eventTypes(plan)).containsExactly("PlanDefined");

        Response started = owner.post("/api/subscriptions", """
                {"planId": "%s", "paymentFrequency": "annual", "unitCount": 12}""".formatted(plan));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String subscription = started.json().path("id").asString();
        assertThat(started.header("Location")).endsWith("/api/subscriptions/" + subscription);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventTypes(subscription)).containsExactly("SubscriptionStarted", "SubscriptionInvoiced");
        // 12 units × 100 = 1,200 a month; a year less 10 %: 12,960
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                               + "aggregate_identifier = ? AND sequence_number = 1", String.class,
                                       subscription))
                .contains("\"amount\":\"12960.00\"");
    }

    @Test
    void badInputIsA400NamingEveryBadField() {
        Response plan = admin.post("/api/plans", """
                {"name": " ", "pricePerUnit": {"amount": "-1", "currency": "INR"}, "minimumPrice": {"currency": "XX"},
                 "maximumUnits": 0, "annualDiscountPercent": 150, "features": [{"feature": "Not a code!",
                 "usageLimit": -2}]}""");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.badFields()).containsExactlyInAnyOrder(
                "name", "pricePerUnit.amount", "minimumPrice.amount", "minimumPrice.currency", "maximumUnits",
                "annualDiscountPercent", "features[0].feature", "features[0].usageLimit");
        Response subscription = owner.post("/api/subscriptions",
                                           "{\"paymentFrequency\": \"weekly\", \"unitCount\": -1}");
        assertThat(subscription.status()).isEqualTo(400);
        assertThat(subscription.badFields()).containsExactlyInAnyOrder("planId", "paymentFrequency", "unitCount");
        assertThat(subscription.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutATokenA401AndInTheWrongRoleOrOnAnotherAccountA403() {
        String plan = Plans.define(admin, "Basic", ONE_PROPERTY);
        assertThat(anonymous.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(plan)).status())
                .isEqualTo(401);
        assertThat(owner.post("/api/plans", Plans.plan("Mine", "[]")).status()).isEqualTo(403);
        ApiClient tenant = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
        assertThat(tenant.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(plan)).status())
                .isEqualTo(403);
        String subscription = Plans.subscribe(owner, plan);
        ApiClient otherOwner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response theirs = otherOwner.put("/api/subscriptions/" + subscription + "/plan", "{\"unitCount\": 3}");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.json().path("type").asString()).endsWith("/problems/forbidden");
        // Another owner may not subscribe someone else either, only admins do.
        Response forSomeone = otherOwner.post("/api/subscriptions", "{\"planId\": \"%s\", \"accountId\": \"%s\"}"
                .formatted(plan, ownerId));
        assertThat(forSomeone.status()).isEqualTo(403);
    }

    @Test
    void unknownPlansAndSubscriptionsAre404() {
        Response plan = owner.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(UUID.randomUUID()));
        assertThat(plan.status()).as(plan.body()).isEqualTo(404);
        Response subscription = owner.post("/api/subscriptions/" + UUID.randomUUID() + "/reactivation", null);
        assertThat(subscription.status()).isEqualTo(404);
        assertThat(admin.put("/api/plans/" + UUID.randomUUID(), Plans.plan("Gone", "[]")).status()).isEqualTo(404);
    }

    @Test
    void theDomainsRefusalsAre409AndAStaleVersionA412() {
        String plan = Plans.define(admin, "Basic", ONE_PROPERTY);
        String subscription = Plans.subscribe(owner, plan);
        Response second = owner.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(plan));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("type").asString()).endsWith("/problems/account-subscribed");
        Response overMaximum = owner.put("/api/subscriptions/" + subscription + "/plan", "{\"unitCount\": 501}");
        assertThat(overMaximum.status()).isEqualTo(409);
        assertThat(overMaximum.json().path("type").asString()).endsWith("/problems/units-over-plan-maximum");
        Response atMaximum = owner.put("/api/subscriptions/" + subscription + "/plan", "{\"unitCount\": 500}");
        assertThat(atMaximum.status()).as(atMaximum.body()).isEqualTo(200);
        Response stale = owner.post("/api/subscriptions/" + subscription + "/cancellation",
                                    "{\"reason\": \"too dear\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        Response inForce = owner.post("/api/subscriptions/" + subscription + "/reactivation", null);
        assertThat(inForce.status()).isEqualTo(409);
        assertThat(inForce.json().path("type").asString()).endsWith("/problems/subscription-in-force");
        Response deactivated = admin.post("/api/plans/" + plan + "/deactivation", null);
        assertThat(deactivated.status()).isEqualTo(200);
        ApiClient newcomer = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response offMarket = newcomer.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(plan));
        assertThat(offMarket.status()).isEqualTo(409);
        assertThat(offMarket.json().path("type").asString()).endsWith("/problems/plan-inactive");
    }

    @Test
    void aCommandBeyondThePlansLimitIs403NamingItAndAnUpgradeLiftsItAtOnce() {
        String subscription = Plans.subscribeToNewPlan(admin, owner, ONE_PROPERTY);
        assertThat(owner.post("/api/properties", apartment(null, null, "First", "20000")).status()).isEqualTo(201);
        long before = eventCount();
        Response second = owner.post("/api/properties", apartment(null, null, "Second", "20000"));
        assertPlanLimit(second, "properties", 1, 1);
        assertThat(eventCount()).as("nothing of the refused command is stored").isEqualTo(before);

        String bigger = Plans.define(admin, "Bigger", THREE_PROPERTIES);
        Response upgraded = owner.put("/api/subscriptions/" + subscription + "/plan",
                                      "{\"planId\": \"%s\"}".formatted(bigger));
        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
        Response again = owner.post("/api/properties", apartment(null, null, "Second", "20000"));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
    }

    @Test
    void twoCommandsRacingForTheLastPlaceAdmitExactlyOne() throws Exception {
        for (int round = 0; round < 4; round++) {
            UUID racer = UUID.randomUUID();
            ApiClient racing = anonymous.withToken(TestTokens.mint(racer, "owner"));
            Plans.subscribeToNewPlan(admin, racing, ONE_PROPERTY);
            List<Response> answers = race(racing, 2);
            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 403);
            assertPlanLimit(answers.stream().filter(r -> r.status() == 403).findFirst().orElseThrow(),
                            "properties", 1, 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM plan_usage_claim WHERE account_id = ? "
                                                   + "AND feature = 'properties'", Long.class, racer)).isEqualTo(1);
        }
    }

    private List<Response> race(ApiClient as, int racers) throws Exception {
        CyclicBarrier together = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String title = "Racer " + i;
                sent.add(pool.submit(() -> {
                    together.await();
                    return as.post("/api/properties", apartment(null, null, title, "20000"));
                }));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutASubscriptionTheFreeTierAppliesAndHasNoHudProgrammes() {
        for (int i = 0; i < 5; i++) {
            Response r = owner.post("/api/properties", apartment(null, null, "Flat " + i, "20000"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        assertPlanLimit(owner.post("/api/properties", apartment(null, null, "Sixth", "20000")), "properties", 5, 5);

        ApiClient landlord = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response building = landlord.post("/api/properties", building(null, "Beacon"));
        assertThat(building.status()).isEqualTo(201);
        String hud = "{\"approved\": true, \"approvalDate\": \"2026-01-15\", \"programType\": \"Section 8\"}";
        String path = "/api/properties/" + building.json().path("id").asString() + "/hud-approval";
        assertPlanLimit(landlord.put(path, hud), "hud_programmes", 0, 0);
        // Admins act beyond limits (support, imports)
        assertThat(admin.put(path, hud).status()).isEqualTo(200);
    }

    @Test
    void unitsLeftOutAreTheUnitsTheOwnerHas() {
        assertThat(owner.post("/api/properties", building(null, "Two units")).status()).isEqualTo(201);
        String plan = Plans.define(admin, "Per unit", ONE_PROPERTY);
        Response r = owner.post("/api/subscriptions", "{\"planId\": \"%s\"}".formatted(plan));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                               + "aggregate_identifier = ? AND sequence_number = 0", String.class,
                                       r.json().path("id").asString()))
                .contains("\"unitCount\":2");
    }

    @Test
    void theRenewalJobRenewsWhatIsDueOnItsClockOnceAndAfterARestartToo() {
        String plan = Plans.define(admin, "Trial plan", ONE_PROPERTY);
        LocalDate today = LocalDate.now(clock);
        Response r = owner.post("/api/subscriptions", "{\"planId\": \"%s\", \"unitCount\": 10, \"trialEndsOn\": \"%s\"}"
                .formatted(plan, today.plusDays(3)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String subscription = r.json().path("id").asString();

        Clock later = Clock.fixed(today.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        new SubscriptionRenewals(entitlements, gateway, later).renewDue();
        assertThat(eventTypes(subscription))
                .containsExactly("SubscriptionStarted", "SubscriptionRenewed", "SubscriptionInvoiced");
        // A second job (another node, or the same after a restart) finds nothing left to do for that period.
        new SubscriptionRenewals(entitlements, gateway, later).renewDue();
        assertThat(eventTypes(subscription)).hasSize(3);

        Response cancelled = owner.post("/api/subscriptions/" + subscription + "/cancellation",
                                        "{\"atPeriodEnd\": true, \"reason\": \"closing down\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        Clock monthLater = Clock.fixed(today.plusDays(3).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                                       ZoneOffset.UTC);
        new SubscriptionRenewals(entitlements, gateway, monthLater).renewDue();
        assertThat(eventTypes(subscription)).endsWith("SubscriptionCancelled", "SubscriptionEnded");
        Response reactivated = owner.post("/api/subscriptions/" + subscription + "/reactivation", null);
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(eventTypes(subscription)).endsWith("SubscriptionReactivated", "SubscriptionInvoiced");
    }

    @Test
    void aRecommendationOfTheCheapestFittingPlanIsAppliedAsAPlanChange() {
        // The only plans in dollars, so other tests' plans are not candidates
        String dear = Plans.define(admin, "Dear", ONE_PROPERTY.replace("\"usageLimit\": 1", "\"usageLimit\": 9"),
                                   "USD", "40");
        String cheap = Plans.define(admin, "Cheap", THREE_PROPERTIES, "USD", "20");
        String subscription = Plans.subscribe(owner, dear);
        assertThat(owner.post("/api/properties", apartment(null, null, "Flat", "20000")).status()).isEqualTo(201);

        UUID recommendation = UUID.randomUUID();
        Response recommended = owner.post("/api/subscriptions/" + subscription + "/recommendations",
                                          "{\"id\": \"%s\"}".formatted(recommendation));
        assertThat(recommended.status()).as(recommended.body()).isEqualTo(201);
        assertThat(recommended.header("Location")).endsWith("/api/subscriptions/" + subscription + "/recommendations");
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                                     + "aggregate_identifier = ? AND payload_type LIKE '%PlanRecommended'",
                                             String.class, subscription);
        // 10 units: 400 a month on Dear, 200 on Cheap
        assertThat(payload).contains("\"recommendedPlanId\":\"" + cheap + "\"")
                           .contains("\"estimatedSaving\":{\"amount\":\"200.00\",\"currency\":\"USD\"}");

        Response applied = owner.post("/api/subscriptions/" + subscription + "/recommendations/" + recommendation
                                              + "/application", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(eventTypes(subscription)).endsWith("PlanRecommended", "SubscriptionChanged", "RecommendationApplied");
        Response none = owner.post("/api/subscriptions/" + subscription + "/recommendations", null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().path("type").asString()).endsWith("/problems/no-better-plan");
        assertThat(owner.post("/api/subscriptions/" + subscription + "/recommendations/" + UUID.randomUUID()
                                      + "/application", null).status()).isEqualTo(404);
    }

    @Test
    void adminsExtendTheFeatureCatalogAndPlansNameTheNewFeature() {
        String code = "support_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\": \"Priority support\", \"category\": \"support\"}";
        Response defined = admin.put("/api/features/" + code, body);
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(admin.put("/api/features/" + code, body).status()).isEqualTo(201);
        assertThat(eventTypes(defined.json().path("id").asString())).containsExactly("FeatureDefined");
        Plans.define(admin, "With support", "[{\"feature\": \"%s\"}]".formatted(code));

        Response taken = admin.put("/api/features/properties", body);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("type").asString()).endsWith("/problems/feature-exists");
        Response bad = admin.put("/api/features/Not-A-Code", "{\"name\": \"\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(owner.put("/api/features/" + code, body).status()).isEqualTo(403);
        Response unknown = admin.post("/api/plans", Plans.plan("Ghost", "[{\"feature\": \"no_such_feature\"}]"));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.json().path("type").asString()).endsWith("/problems/unknown-feature");
    }

    @Test
    void aRegistrationCountsItselfAndEachOfItsUnitsWhetherTheirFeatureHasALimitOrNot() {
        Plans.subscribeToNewPlan(admin, owner, THREE_PROPERTIES);
        Response building = owner.post("/api/properties", building(null, "Two units"));
        assertThat(building.status()).as(building.body()).isEqualTo(201);
        Response flat = owner.post("/api/properties", apartment(null, null, "Flat", "20000"));
        assertThat(flat.status()).as(flat.body()).isEqualTo(201);

        assertThat(counted("properties")).isEqualTo(2);
        assertThat(counted("units")).as("the building's two, the flat's one").isEqualTo(3);
    }

    long counted(String feature) {
        return jdbc.queryForObject("SELECT count(*) FROM plan_usage_claim WHERE account_id = ? AND feature = ?",
                                   Long.class, ownerId, feature);
    }

    @Test
    void unitsAndMonthlyVerificationRequestsBeyondThePlanAre403NamingThem() {
        Plans.subscribeToNewPlan(admin, owner, "[{\"feature\": \"properties\"}, {\"feature\": \"units\", "
                + "\"usageLimit\": 3}, {\"feature\": \"verification_requests\", \"usageLimit\": 1}]");
        Response flat = owner.post("/api/properties", apartment(null, null, "Flat", "20000"));
        assertThat(flat.status()).as(flat.body()).isEqualTo(201);
        Response building = owner.post("/api/properties", building(null, "Two units"));
        assertThat(building.status()).as(building.body()).isEqualTo(201);
        String id = building.json().path("id").asString();
        Response fourth = owner.post("/api/properties/" + id + "/units", """
                {"unitNumber": "2A", "bedrooms": 1, "bathrooms": 1,
                 "monthlyRent": {"amount": "1500", "currency": "USD"}}""");
        assertPlanLimit(fourth, "units", 3, 3);

        Response first = owner.post("/api/properties/" + id + "/verifications", "{\"type\": \"standard\"}");
        assertThat(first.status()).as(first.body()).isIn(201, 202);
        Response second = owner.post("/api/properties/" + flat.json().path("id").asString() + "/verifications",
                                     "{\"type\": \"standard\"}");
        assertPlanLimit(second, "verification_requests", 1, 1);
    }
}
