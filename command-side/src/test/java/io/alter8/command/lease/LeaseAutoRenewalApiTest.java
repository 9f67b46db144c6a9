package io.alter8.command.lease;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.stack.ApiClient.Response;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Automatic renewal over HTTP, as a person watches it on the local stack: an admin moves the platform's clock past
 * the end date of a lease with automatic renewal on, and the assessment renews it instead of letting it expire.
 */
@CommandSideTest
@TestPropertySource(properties = "alter8.clock.movable=true")
// Its own context (the clock is movable only here), closed after it so its processors stop competing with the
// shared context's for the same event store.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LeaseAutoRenewalApiTest extends LeaseApiFixture {

    /** The movable clock is Axon's too, for the whole JVM: later test classes get the system's back. */
    @AfterAll
    static void giveAxonTheSystemClockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void pastItsEndDateALeaseWithAutomaticRenewalIsRenewedOnceAtTheEscalatedRentAndKeepsItsUnitAnotherExpires() {
        String lease = leaseInForce(pastTerms().replace("\"noticePeriodDays\": 30",
                                                        "\"noticePeriodDays\": 30, \"autoRenewal\": true, "
                                                                + "\"annualRentIncreasePercent\": 5"));
        // And, on another of the owner's properties, a lease without automatic renewal.
        String renewing = property;
        property = listedApartment(owner);
        String expiring = leaseInForce();
        property = renewing;
        Response tenantMoves = tenant.post("/api/admin/clock", "{\"advanceBy\": \"P300D\"}");
        assertThat(tenantMoves.status()).as("only admins move the clock").isEqualTo(403);

        Response moved = admin.post("/api/admin/clock", "{\"advanceBy\": \"P300D\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(eventTypes(lease)).contains("LeaseRenewed").doesNotContain("LeaseExpired", "LeaseTerminated");
        String renewal = stored(lease, "LeaseRenewed", "renewedBy").get(0);
        assertThat(stored(lease, "LeaseRenewed", "automatic")).containsExactly("true");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypes(renewal).size() > 2);
        assertThat(stored(renewal, "LeaseActivationRefused", "detail")).as("why the unit was refused").isEmpty();
        assertThat(eventTypes(renewal)).contains("LeaseActivated");
        // 25000 escalated by 5% for the next year; from the day after the old end, for a year again.
        assertThat(stored(renewal, "LeaseProposed", "terms.monthlyRent.amount")).containsExactly("26250.00");
        assertThat(stored(renewal, "LeaseProposed", "renewedFrom")).containsExactly(lease);
        assertThat(stored(renewal, "LeaseProposed", "tenants.0")).containsExactly(tenantId.toString());
        assertThat(occupancy(property)).containsExactly("UnitOccupied " + lease, "UnitOccupied " + renewal);
        assertThat(eventTypes(property)).doesNotContain("UnitVacated");
        assertThat(leasesCounted(lease)).isZero();
        assertThat(leasesCounted(renewal)).isEqualTo(1);

        // Expired, a lease no longer counts against the plan's leases in force.
        assertThat(eventTypes(expiring)).contains("LeaseExpired");
        assertThat(leasesCounted(expiring)).isZero();

        // The next run finds the lease renewed already: never a second renewal.
        assertThat(admin.post("/api/admin/clock", "{\"advanceBy\": \"P1D\"}").status()).isEqualTo(200);
        assertThat(eventTypes(lease)).containsOnlyOnce("LeaseRenewed");
        assertThat(eventTypes(renewal)).containsOnlyOnce("LeaseActivated");
    }
}
