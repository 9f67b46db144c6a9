package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic renewal, from a lease put into force over HTTP to its renewal in force: the assessment, run as of the day
 * after the end date, renews the lease instead of letting it expire, and the renewal takes the unit over.
 * <p>
 * The assessment is asked for that day directly rather than by moving the local clock: the movable clock is Axon's
 * for the whole JVM, and needs a context of its own beside the shared one (PlatformClockTest covers the clock).
 */
@CommandSideTest
class LeaseAutoRenewalApiTest extends LeaseApiFixture {

    @Autowired
    LeaseAssessment assessment;

    @Test
    void pastItsEndDateALeaseWithAutomaticRenewalIsRenewedOnceAtTheEscalatedRentAndKeepsItsUnit() {
        String terms = pastTerms().replace("\"noticePeriodDays\": 30",
                                           "\"noticePeriodDays\": 30, \"autoRenewal\": true, "
                                                   + "\"annualRentIncreasePercent\": 5");
        String lease = leaseInForce(terms);
        LocalDate dayAfterTheEnd = LeaseRenewalApiTest.afterEnd();

        assessment.assess(new LeaseId(UUID.fromString(lease)), dayAfterTheEnd);

        assertThat(eventTypes(lease)).contains("LeaseRenewed").doesNotContain("LeaseExpired", "LeaseTerminated");
        String renewal = stored(lease, "LeaseRenewed", "renewedBy").get(0);
        assertThat(stored(lease, "LeaseRenewed", "automatic")).containsExactly("true");
        await().atMost(Duration.ofSeconds(20))
               .until(() -> eventTypes(renewal).contains("LeaseActivated")
                       || eventTypes(renewal).contains("LeaseActivationRefused"));
        assertThat(stored(renewal, "LeaseActivationRefused", "detail")).as("why the unit was refused").isEmpty();
        // 25000 escalated by 5% for the next year; from the day after the old end, for a year again.
        assertThat(stored(renewal, "LeaseProposed", "terms.monthlyRent.amount")).containsExactly("26250.00");
        assertThat(stored(renewal, "LeaseProposed", "terms.startDate")).containsExactly(dayAfterTheEnd.toString());
        assertThat(stored(renewal, "LeaseProposed", "renewedFrom")).containsExactly(lease);
        assertThat(stored(renewal, "LeaseProposed", "tenants.0")).containsExactly(tenantId.toString());
        assertThat(occupancy(property)).containsExactly("UnitOccupied " + lease, "UnitOccupied " + renewal);
        assertThat(eventTypes(property)).doesNotContain("UnitVacated");
        assertThat(leasesCounted(lease)).isZero();
        assertThat(leasesCounted(renewal)).isEqualTo(1);

        // What the parties notice: the renewal is in force (the tenant pays on it), the old lease is renewed.
        ok(tenant.post("/api/leases/" + renewal + "/payments", payment("26250", "upi", null)));
        Response byHand = owner.post("/api/leases/" + lease + "/renewal",
                                     LeaseRenewalApiTest.renewal(UUID.randomUUID(), dayAfterTheEnd));
        assertThat(byHand.status()).as(byHand.body()).isEqualTo(409);
        assertThat(byHand.json().path("type").asString()).isEqualTo("https://alter8.io/problems/lease-renewed");

        // The next run finds the lease renewed already: never a second renewal.
        assessment.assess(new LeaseId(UUID.fromString(lease)), dayAfterTheEnd.plusDays(1));
        assertThat(eventTypes(lease)).containsOnlyOnce("LeaseRenewed");
        assertThat(eventTypes(renewal)).containsOnlyOnce("LeaseActivated");
    }
}
