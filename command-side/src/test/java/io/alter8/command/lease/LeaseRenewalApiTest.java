package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Renewal by hand over HTTP: the new lease opens linked to the old one, its tenant agrees and signs, and the unit
 * passes to it without ever being free, with the deposit (topped up or partly refunded when the renewal asks another);
 * one never signed is withdrawn at the end date; every error path.
 */
@CommandSideTest
class LeaseRenewalApiTest extends LeaseApiFixture {

    @Autowired
    LeaseAssessment assessment;

    /** Renewal terms from {@code start}: a year at 27000, the same deposit of 50000. */
    static String renewal(UUID id, LocalDate start) {
        return renewal(id, start, "50000");
    }

    static String renewal(UUID id, LocalDate start, String deposit) {
        return """
                {"id": %s, "terms": {"startDate": "%s", "endDate": "%s", "noticePeriodDays": 30,
                 "monthlyRent": {"amount": "27000", "currency": "INR"},
                 "securityDeposit": {"amount": "%s", "currency": "INR"}}}"""
                .formatted(id == null ? "null" : "\"" + id + "\"", start, start.plusYears(1).minusDays(1), deposit);
    }

    /** The day after the end of {@link #pastTerms()}. */
    static LocalDate afterEnd() {
        return LocalDate.parse(pastTerms().replaceAll("(?s).*\"endDate\": \"([0-9-]+)\".*", "$1")).plusDays(1);
    }

    @Test
    void theOwnerRenewsTheTenantAgreesAndTheUnitPassesToTheNewLeaseWithoutBeingFree() {
        String lease = leaseInForce();
        assertThat(leasesCounted(lease)).isEqualTo(1);
        UUID next = UUID.randomUUID();

        Response renewed = owner.post("/api/leases/" + lease + "/renewal", renewal(next, afterEnd()),
                                      "If-Match", "\"" + (eventTypes(lease).size() - 1) + "\"");

        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(renewed.header("Location")).isEqualTo("http://query.test/api/leases/" + next);
        assertThat(renewed.json().path("id").asString()).isEqualTo(next.toString());
        assertThat(eventTypes(lease)).endsWith("LeaseRenewed");
        assertThat(stored(lease, "LeaseRenewed", "renewedBy")).containsExactly(next.toString());
        assertThat(stored(next.toString(), "LeaseProposed", "renewedFrom")).containsExactly(lease);
        assertThat(stored(next.toString(), "LeaseProposed", "tenants.0")).containsExactly(tenantId.toString());

        approvedAndSigned(next.toString(), tenant);
        List<String> before = new ArrayList<>(eventTypes(property));
        ok(owner.post("/api/leases/" + next + "/activation", null));

        assertThat(occupancy(property)).containsExactly("UnitOccupied " + lease, "UnitOccupied " + next);
        // One event on the property: no vacancy, no status change (it stays rented), no listing in between.
        before.add("UnitOccupied");
        assertThat(eventTypes(property)).isEqualTo(before);
        // The renewal takes the old lease's place in the plan's count: one lease in force, not two.
        assertThat(leasesCounted(lease)).isZero();
        assertThat(leasesCounted(next.toString())).isEqualTo(1);
        // One deposit: the renewal carries the old lease's over, and the old lease no longer settles it.
        assertThat(eventTypes(next.toString())).contains("SecurityDepositCarriedOver")
                                               .doesNotContain("SecurityDepositHeld");
        assertThat(stored(next.toString(), "SecurityDepositCarriedOver", "amount.amount"))
                .containsExactly("50000.00");
        Response refund = owner.post("/api/leases/" + lease + "/deposit/refund", "{\"reference\": \"NEFT 1\"}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(409);
        assertThat(refund.json().path("type").asString())
                .isEqualTo("https://alter8.io/problems/deposit-carried-over");
    }

    /** Renewed with {@code deposit}, agreed, signed and put into force; answers the renewal's id. */
    String renewedInForce(String lease, String deposit) {
        UUID next = UUID.randomUUID();
        Response renewed = owner.post("/api/leases/" + lease + "/renewal", renewal(next, afterEnd(), deposit));
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        assertThat(stored(lease, "LeaseRenewed", "depositHeld.amount")).containsExactly("50000.00");
        approvedAndSigned(next.toString(), tenant);
        ok(owner.post("/api/leases/" + next + "/activation", null));
        assertThat(eventTypes(next.toString())).contains("LeaseActivated");
        return next.toString();
    }

    /** The deposit the erasure's money rules count as still held on a lease ({@code lease_money}). */
    String depositHeld(String lease) {
        return jdbc.queryForObject("SELECT coalesce(sum(amount), 0)::text FROM lease_money "
                                           + "WHERE lease_id = ? AND kind = 'deposit'", String.class,
                                   UUID.fromString(lease));
    }

    @Test
    void aRenewalAskingAHigherDepositCarriesTheOldOneOverAndHoldsTheTopUpOnce() {
        String lease = leaseInForce();

        String next = renewedInForce(lease, "60000");

        assertThat(stored(next, "SecurityDepositCarriedOver", "amount.amount")).containsExactly("50000.00");
        assertThat(stored(next, "SecurityDepositHeld", "amount.amount")).containsExactly("10000.00");
        assertThat(stored(next, "SecurityDepositRefunded", "amount.amount")).isEmpty();
        assertThat(depositHeld(next)).isEqualTo("60000.00");
        assertThat(depositHeld(lease)).as("passed on, nothing left").isEqualTo("0.00");
    }

    @Test
    void aRenewalAskingALowerDepositRefundsTheDifferenceAndTheRestIsSettledAtItsEnd() {
        String lease = leaseInForce();

        String next = renewedInForce(lease, "20000");

        assertThat(stored(next, "SecurityDepositCarriedOver", "amount.amount")).containsExactly("50000.00");
        assertThat(stored(next, "SecurityDepositRefunded", "amount.amount")).containsExactly("30000.00");
        assertThat(stored(next, "SecurityDepositRefunded", "reference"))
                .containsExactly("lower deposit on renewal of lease " + lease);
        assertThat(eventTypes(next)).doesNotContain("SecurityDepositHeld");
        assertThat(depositHeld(next)).isEqualTo("20000.00");

        // Settled at its end as any deposit: never more than the 20000 still held.
        assessment.assess(new LeaseId(UUID.fromString(next)), afterEnd().plusYears(1));
        assertThat(eventTypes(next)).contains("LeaseExpired");
        Response tooMuch = owner.post("/api/leases/" + next + "/deposit/deductions",
                                      "{\"amount\": {\"amount\": \"20000.01\", \"currency\": \"INR\"}, "
                                              + "\"reason\": \"paint\"}");
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(tooMuch.json().path("type").asString())
                .isEqualTo("https://alter8.io/problems/deduction-too-high");
        ok(owner.post("/api/leases/" + next + "/deposit/refund", "{\"reference\": \"NEFT 3\"}"));
        assertThat(stored(next, "SecurityDepositRefunded", "amount.amount")).containsExactly("30000.00", "20000.00");
        assertThat(depositHeld(next)).isEqualTo("0.00");
    }

    @Test
    void aRenewalsDepositAboveTwelveMonthsRentIs409AndANegativeOne400() {
        String lease = leaseInForce();

        Response tooHigh = owner.post("/api/leases/" + lease + "/renewal", renewal(null, afterEnd(), "324000.01"));
        assertThat(tooHigh.status()).as(tooHigh.body()).isEqualTo(409);
        assertThat(tooHigh.contentType()).hasValue("application/problem+json");
        assertThat(tooHigh.json().path("type").asString()).isEqualTo("https://alter8.io/problems/deposit-too-high");
        Response negative = owner.post("/api/leases/" + lease + "/renewal", renewal(null, afterEnd(), "-1"));
        assertThat(negative.status()).as(negative.body()).isEqualTo(400);
        assertThat(negative.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                          .contains("terms.securityDeposit.amount");
        assertThat(eventTypes(lease)).doesNotContain("LeaseRenewed");
    }

    @Test
    void aRenewalNotSignedByTheEndDateIsWithdrawnAndTheRenewedLeaseExpiresGivingTheUnitBack() {
        String lease = leaseInForce();
        UUID next = UUID.randomUUID();
        assertThat(owner.post("/api/leases/" + lease + "/renewal", renewal(next, afterEnd())).status())
                .isEqualTo(201);
        ok(tenant.post("/api/leases/" + next + "/approval", null));
        LeaseId renewal = new LeaseId(next);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lease_assessment WHERE lease_id = ?", Long.class, next))
                .as("the hourly assessment runs over it").isEqualTo(1);

        assessment.assess(renewal, afterEnd().minusDays(1));
        assertThat(eventTypes(next.toString())).doesNotContain("LeaseRenewalWithdrawn");
        assessment.assess(renewal, afterEnd());

        assertThat(stored(next.toString(), "LeaseRenewalWithdrawn", "withdrawnOn"))
                .containsExactly(afterEnd().toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(property).contains("UnitVacated"));
        assertThat(eventTypes(lease)).endsWith("LeaseExpired");
        Response late = owner.post("/api/leases/" + next + "/activation", null);
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        // The old lease ended, so its deposit is settled as any other's.
        ok(owner.post("/api/leases/" + lease + "/deposit/refund", "{\"reference\": \"NEFT 2\"}"));
    }

    @Test
    void aSecondRenewalOrOneOfALeaseNotInForceIs409AndTheSameOneAgainChangesNothing() {
        String lease = leaseInForce();
        UUID next = UUID.randomUUID();
        assertThat(owner.post("/api/leases/" + lease + "/renewal", renewal(next, afterEnd())).status())
                .isEqualTo(201);
        int stored = eventTypes(lease).size();

        Response again = owner.post("/api/leases/" + lease + "/renewal", renewal(next, afterEnd()));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        Response second = owner.post("/api/leases/" + lease + "/renewal", renewal(UUID.randomUUID(), afterEnd()));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.contentType()).hasValue("application/problem+json");
        assertThat(second.json().path("type").asString()).isEqualTo("https://alter8.io/problems/lease-renewed");
        assertThat(eventTypes(lease)).hasSize(stored);

        Response draft = owner.post("/api/leases/" + next + "/renewal", renewal(null, afterEnd().plusYears(1)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(409);
        assertThat(draft.json().path("type").asString()).isEqualTo("https://alter8.io/problems/lease-not-active");
        assertThat(eventTypes(next.toString())).containsExactly("LeaseProposed");
    }

    @Test
    void aRenewalStartingOnAnotherDayIs409() {
        String lease = leaseInForce();
        Response r = owner.post("/api/leases/" + lease + "/renewal", renewal(null, afterEnd().plusDays(1)));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).isEqualTo("https://alter8.io/problems/invalid-startDate");
        assertThat(eventTypes(lease)).doesNotContain("LeaseRenewed");
    }

    @Test
    void badInputNamesEveryBadFieldAndNothingIsStored() {
        String lease = leaseInForce();
        Response r = owner.post("/api/leases/" + lease + "/renewal", """
                {"terms": {"noticePeriodDays": -1, "monthlyRent": {"amount": "-1", "currency": "XX"}}}""");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':')))
                                   .contains("terms.startDate", "terms.endDate", "terms.noticePeriodDays",
                                             "terms.monthlyRent.amount", "terms.monthlyRent.currency");
        assertThat(eventTypes(lease)).doesNotContain("LeaseRenewed");
    }

    @Test
    void onlyTheOwnersSideRenewsAnUnknownLeaseIs404AndAStaleVersion412() {
        String lease = leaseInForce();
        String body = renewal(null, afterEnd());

        assertThat(anonymous.post("/api/leases/" + lease + "/renewal", body).status()).isEqualTo(401);
        Response byTenant = tenant.post("/api/leases/" + lease + "/renewal", body);
        assertThat(byTenant.status()).isEqualTo(403);
        assertThat(byTenant.contentType()).hasValue("application/problem+json");
        Response unknown = owner.post("/api/leases/" + UUID.randomUUID() + "/renewal", body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).hasValue("application/problem+json");
        Response stale = owner.post("/api/leases/" + lease + "/renewal", body, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).hasValue("application/problem+json");
        assertThat(eventTypes(lease)).doesNotContain("LeaseRenewed");
    }
}
