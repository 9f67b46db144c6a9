package io.alter8.command.lease;

import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.alter8.command.property.PropertyBodies.apartment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lease commands over HTTP: an application through to termination, the unit's occupancy as the leasing process
 * settles it (also under a race), every error path.
 */
@CommandSideTest
class LeaseCommandApiTest extends LeaseApiFixture {

    @Test
    void aTenantAppliesAndTheLeaseRunsFromAgreementToTermination() {
        Response applied = tenant.post("/api/leases", "{\"propertyId\": \"%s\", \"terms\": %s}"
                .formatted(property, terms("25000")));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String lease = applied.json().path("id").asString();
        assertThat(applied.header("Location")).isEqualTo("http://query.test/api/leases/" + lease);
        assertThat(applied.json().path("version").asLong()).isZero();

        ok(owner.post("/api/leases/" + lease + "/approval", null));
        Response approved = tenant.post("/api/leases/" + lease + "/approval", null, "If-Match", "\"1\"");
        ok(approved);
        assertThat(approved.header("ETag")).isEqualTo("\"2\"");
        ok(owner.post("/api/leases/" + lease + "/signatures",
                      "{\"as\": \"owner\", \"signatureUrl\": \"https://sign.example/owner\"}"));
        ok(tenant.post("/api/leases/" + lease + "/signatures",
                       "{\"as\": \"tenant\", \"signatureUrl\": \"https://sign.example/tenant\"}"));
        Response activated = owner.post("/api/leases/" + lease + "/activation", null);
        ok(activated);
        // The answer waited for the leasing process: the unit is taken and the lease in force.
        // In force, it holds the deposit and has its schedule: 12 months and the last day (start + 1 year) alone.
        List<String> inForce = new ArrayList<>(List.of("LeaseProposed", "LeaseApproved", "LeaseApproved",
                                                       "LeaseSigned", "LeaseSigned", "LeaseActivationRequested",
                                                       "LeaseActivated", "SecurityDepositHeld"));
        inForce.addAll(Collections.nCopies(13, "RentChargeScheduled"));
        assertThat(activated.json().path("version").asLong()).as("the lease's own version").isEqualTo(20);
        assertThat(activated.header("ETag")).isEqualTo("\"20\"");
        assertThat(eventTypes(lease)).isEqualTo(inForce);
        assertThat(eventTypes(property)).contains("UnitOccupied").doesNotContain("UnitVacated");

        ok(tenant.post("/api/leases/" + lease + "/termination",
                       "{\"terminationDate\": \"%s\", \"reason\": \"moving\", \"earlyTerminationPenalty\": "
                               .formatted(LocalDate.now(ZoneOffset.UTC))
                               + "{\"amount\": \"25000\", \"currency\": \"INR\"}}"));
        assertThat(eventTypes(lease)).contains("LeaseTerminated");
        // The process gives the unit back right after the termination is stored.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(eventTypes(property)).last().isEqualTo("PropertyStatusChanged");
            assertThat(eventTypes(property)).contains("UnitVacated");
        });
    }

    @Test
    void aSecondLeaseOfAnOccupiedUnitIsRefusedStaysSignedAndTakesTheUnitOnceItIsFree() {
        String first = readyLease(tenant, property);
        ok(owner.post("/api/leases/" + first + "/activation", null));
        UUID otherTenant = TestUsers.register(anonymous, "tenant", PASSWORD).id();
        ApiClient other = anonymous.withToken(TestTokens.mint(otherTenant, "tenant"));
        // A let property is no longer listed, so the owner proposes the second lease.
        Response proposed = owner.post("/api/leases", "{\"propertyId\": \"%s\", \"tenantIds\": [\"%s\"], \"terms\": %s}"
                .formatted(property, otherTenant, terms("26000")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String second = approvedAndSigned(proposed.json().path("id").asString(), other);
        List<String> propertyEvents = eventTypes(property);

        Response refused = owner.post("/api/leases/" + second + "/activation", null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("type").asString()).isEqualTo("https://alter8.io/problems/unit-occupied");
        assertThat(eventTypes(second)).doesNotContain("LeaseActivated").last().isEqualTo("LeaseActivationRefused");
        assertThat(eventTypes(property)).isEqualTo(propertyEvents);

        ok(tenant.post("/api/leases/" + first + "/termination",
                       "{\"terminationDate\": \"%s\"}".formatted(LocalDate.now(ZoneOffset.UTC))));
        await().atMost(Duration.ofSeconds(10))
               .untilAsserted(() -> assertThat(eventTypes(property)).last().isEqualTo("PropertyStatusChanged"));
        Response activated = owner.post("/api/leases/" + second + "/activation", null);
        ok(activated);
        assertThat(eventTypes(second)).contains("LeaseActivated").last().isEqualTo("RentChargeScheduled");
    }

    /** What the unit's property says, in order: which lease took or gave back the unit. */
    @Test
    void twoSignedLeasesOfOneUnitActivatedAtOnceEndWithExactlyOneInForce() throws Exception {
        UUID otherTenant = TestUsers.register(anonymous, "tenant", PASSWORD).id();
        ApiClient other = anonymous.withToken(TestTokens.mint(otherTenant, "tenant"));
        List<String> leases = List.of(readyLease(tenant, property), readyLease(other, property));
        CyclicBarrier together = new CyclicBarrier(leases.size());
        ExecutorService pool = Executors.newFixedThreadPool(leases.size());
        List<Response> answers;
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (String lease : leases) {
                sent.add(pool.submit(() -> {
                    together.await();
                    return owner.post("/api/leases/" + lease + "/activation", null);
                }));
            }
            answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().path("type").asString()).isEqualTo("https://alter8.io/problems/unit-occupied");
        String winner = leases.get(answers.get(0).status() == 200 ? 0 : 1);
        String loser = leases.get(answers.get(0).status() == 200 ? 1 : 0);
        assertThat(eventTypes(winner)).contains("LeaseActivated").doesNotContain("LeaseActivationRefused");
        assertThat(eventTypes(loser)).doesNotContain("LeaseActivated").last().isEqualTo("LeaseActivationRefused");
        assertThat(occupancy(property)).containsExactly("UnitOccupied " + winner);
    }

    @Test
    void badInputNamesEveryBadField() {
        Response r = owner.post("/api/leases", """
                {"tenantIds": [], "terms": {"noticePeriodDays": 400, "monthlyRent": {"amount": "-1", "currency": "XX"},
                 "agreementType": "verbal", "annualRentIncreasePercent": 150}}""");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                   .contains("propertyId", "terms.startDate", "terms.endDate",
                                             "terms.noticePeriodDays", "terms.monthlyRent.amount",
                                             "terms.monthlyRent.currency", "terms.agreementType",
                                             "terms.annualRentIncreasePercent");
        Response signature = tenant.post("/api/leases/" + UUID.randomUUID() + "/signatures",
                                         "{\"as\": \"landlord\", \"signatureUrl\": \"javascript:alert(1)\"}");
        assertThat(signature.status()).isEqualTo(400);
        assertThat(signature.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                           .containsExactlyInAnyOrder("as", "signatureUrl");
        Response owners = owner.post("/api/leases", "{\"propertyId\": \"%s\", \"terms\": %s}"
                .formatted(property, terms("25000")));
        assertThat(owners.status()).isEqualTo(400);
        assertThat(owners.fieldErrors()).containsExactly("tenantIds: names at least one tenant");
    }

    @Test
    void ruleViolationsAre409AndNothingIsStored() {
        String lease = apply(tenant, property);
        // Aggregates' events only: processes (notifications of the application) may add theirs meanwhile.
        String aggregateEvents = "SELECT count(*) FROM domain_event_entry WHERE type IS NOT NULL";
        long count = jdbc.queryForObject(aggregateEvents, Long.class);

        Response early = owner.post("/api/leases/" + lease + "/activation", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("type").asString()).isEqualTo("https://alter8.io/problems/lease-not-approved");
        Response usd = tenant.post("/api/leases", "{\"propertyId\": \"%s\", \"terms\": %s}"
                .formatted(property, terms("25000").replace("INR", "USD")));
        assertThat(usd.status()).isEqualTo(409);
        assertThat(usd.json().path("detail").asString()).contains("INR");
        assertThat(jdbc.queryForObject(aggregateEvents, Long.class)).isEqualTo(count);
    }

    @Test
    void onlyTheLeasesPartiesActOnIt() {
        String lease = apply(tenant, property);
        ApiClient otherOwner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        ApiClient otherTenant = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));

        Response r = otherOwner.post("/api/leases/" + lease + "/approval", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(otherTenant.post("/api/leases/" + lease + "/rejection", "{}").status()).isEqualTo(403);
        assertThat(otherTenant.put("/api/leases/" + lease + "/terms", terms("1000")).status()).isEqualTo(403);
        assertThat(otherOwner.post("/api/leases", "{\"propertyId\": \"%s\", \"tenantIds\": [\"%s\"], \"terms\": %s}"
                .formatted(property, tenantId, terms("25000"))).status()).isEqualTo(403);
        for (String role : List.of("auditor", "analyst", "field_executive")) {
            ApiClient reader = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role));
            assertThat(reader.post("/api/leases/" + lease + "/approval", null).status()).as(role).isEqualTo(403);
        }
        assertThat(anonymous.post("/api/leases/" + lease + "/approval", null).status()).isEqualTo(401);
    }

    /** The attack: an applicant names an agent of their own, who then acts for the owner and cuts the rent. */
    @Test
    void aTenantCannotNameTheAgentWhoActsForTheOwner() {
        UUID accomplice = TestUsers.register(anonymous, "agent", PASSWORD).id();
        ApiClient agent = anonymous.withToken(TestTokens.mint(accomplice, "agent"));
        String lease = UUID.randomUUID().toString();

        Response applied = tenant.post("/api/leases", """
                {"id": "%s", "propertyId": "%s", "agentId": "%s", "terms": %s}""".formatted(
                lease, property, accomplice, terms("25000")));

        assertThat(applied.status()).as(applied.body()).isEqualTo(403);
        assertThat(applied.contentType()).hasValue("application/problem+json");
        assertThat(eventTypes(lease)).isEmpty();
        assertThat(agent.put("/api/leases/" + lease + "/terms", terms("1")).status()).isEqualTo(404);

        String named = """
                {"propertyId": "%s", "tenantIds": ["%s"], "agentId": "%s", "terms": %s}""".formatted(
                property, tenantId, accomplice, terms("25000"));
        Response byOwner = owner.post("/api/leases", named);
        assertThat(byOwner.status()).as("the owner may name the lease's agent").isEqualTo(201);
    }

    @Test
    void anUnknownLeaseIs404AndAStaleVersion412() {
        Response unknown = owner.post("/api/leases/" + UUID.randomUUID() + "/approval", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValue("application/problem+json");

        String lease = apply(tenant, property);
        ok(owner.post("/api/leases/" + lease + "/approval", null));
        Response stale = tenant.put("/api/leases/" + lease + "/terms", terms("24000"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(eventTypes(lease)).containsExactly("LeaseProposed", "LeaseApproved");
        Response revised = tenant.put("/api/leases/" + lease + "/terms", terms("24000"), "If-Match", "\"1\"");
        ok(revised);
        assertThat(eventTypes(lease)).last().isEqualTo("LeaseTermsRevised");
    }

    @Test
    void aPrivateListingIsUnknownToAnApplicantButItsOwnerMayProposeALease() {
        Response created = owner.post("/api/properties", apartment(null, null, "Private flat", "25000"));
        String hidden = created.json().path("id").asString();
        assertThat(owner.put("/api/properties/" + hidden + "/status", "{\"status\": \"active\"}").status())
                .isEqualTo(200);
        String body = "{\"propertyId\": \"%s\", \"terms\": %s}".formatted(hidden, terms("25000"));

        Response applied = tenant.post("/api/leases", body);
        Response unknown = tenant.post("/api/leases", body.replace(hidden, UUID.randomUUID().toString()));

        assertThat(applied.status()).isEqualTo(404);
        assertThat(applied.json().path("title")).isEqualTo(unknown.json().path("title"));
        assertThat(applied.json().path("detail").asString()).doesNotContain("private");
        Response proposed = owner.post("/api/leases", "{\"propertyId\": \"%s\", \"tenantIds\": [\"%s\"], \"terms\": %s}"
                .formatted(hidden, tenantId, terms("25000")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        ApiClient otherOwner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response probing = otherOwner.post("/api/leases", "{\"propertyId\": \"%s\", \"tenantIds\": [\"%s\"], "
                .formatted(hidden, tenantId) + "\"terms\": " + terms("25000") + "}");
        assertThat(probing.status()).as("another owner cannot tell it from an unknown id").isEqualTo(404);
    }

    @Test
    void applyingAgainWithTheSameIdAndBodyChangesNothing() {
        String id = UUID.randomUUID().toString();
        String body = "{\"id\": \"%s\", \"propertyId\": \"%s\", \"terms\": %s}".formatted(id, property, terms("25000"));
        assertThat(tenant.post("/api/leases", body).status()).isEqualTo(201);
        Response again = tenant.post("/api/leases", body);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("version").asLong()).isZero();
        assertThat(eventTypes(id)).containsExactly("LeaseProposed");
    }
}
