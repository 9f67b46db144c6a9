package io.alter8.command.lease;

import io.alter8.api.lease.EndLeaseTerm;
import io.alter8.api.lease.GiveNotice;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseNoticeGiven;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.alter8.command.lease.LeaseTest.ID;
import static io.alter8.command.lease.LeaseTest.NOW;
import static io.alter8.command.lease.LeaseTest.OWNER;
import static io.alter8.command.lease.LeaseTest.PROPERTY;
import static io.alter8.command.lease.LeaseTest.TENANT;
import static io.alter8.command.lease.LeaseTest.TODAY;
import static io.alter8.command.lease.LeaseTest.UNIT;
import static io.alter8.command.lease.LeaseTest.as;
import static io.alter8.command.lease.RentAccountTest.inForce;
import static io.alter8.command.lease.RentAccountTest.inr;

/** The end of a lease with time: notice and its termination date, expiry after the end date. */
class LeaseEndingTest {

    /** The lease of {@link RentAccountTest}: 1 Sep 2026 to 31 Aug 2027, 30 days' notice; today is 22 Nov 2026. */
    static final LocalDate END = LocalDate.of(2027, 8, 31);

    FixtureConfiguration<Lease> fixture;

    @BeforeEach
    void setUp() {
        fixture = RentAccountTest.leaseFixture();
    }

    TestExecutor<Lease> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(inForce(null)).andGiven(events);
    }

    @Test
    void aTenantGivesNoticeForADateAtLeastTheNoticePeriodAway() {
        LocalDate date = TODAY.plusDays(30);
        given().when(new GiveNotice(ID, date, "moving", as(TENANT, Role.TENANT), null))
               .expectEvents(new LeaseNoticeGiven(ID, TODAY, date, "moving", TENANT));
        given(new LeaseNoticeGiven(ID, TODAY, date, "moving", TENANT))
               .when(new GiveNotice(ID, date, "moving", as(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void noticeShorterThanThePeriodInThePastOrAfterTheEndIsRefused() {
        given().when(new GiveNotice(ID, TODAY.plusDays(29), null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("with 30 days' notice the lease ends on 2026-12-22 or later");
        given().when(new GiveNotice(ID, TODAY.minusDays(1), null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("with 30 days' notice the lease ends on 2026-12-22 or later");
        given().when(new GiveNotice(ID, END.plusDays(1), null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("notice ends the lease by its end date, 2027-08-31");
        given(new LeaseNoticeGiven(ID, TODAY, TODAY.plusDays(40), null, TENANT))
               .when(new GiveNotice(ID, TODAY.plusDays(50), null, as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectExceptionMessage("notice was given already: the lease ends on 2027-01-01");
    }

    @Test
    void onlyTheLeasesPartiesGiveNotice() {
        given().when(new GiveNotice(ID, TODAY.plusDays(60), null, as(RentAccountTest.OTHER_TENANT, Role.TENANT),
                                    null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void theLeaseEndsOnItsNoticesDateItsScheduleCutThereAndNotBefore() {
        LocalDate date = LocalDate.of(2027, 1, 15);
        Object notice = new LeaseNoticeGiven(ID, TODAY, date, "moving", TENANT);
        given(notice).when(new EndLeaseTerm(ID, date.minusDays(1)))
                     .expectNoEvents();
        List<Object> ended = new ArrayList<>(List.of(
                new LeaseTerminated(ID, PROPERTY, UNIT, date, "moving", TODAY, null, TENANT),
                // 15 of January's 31 days: 20000 → 9677.42, 1000 → 483.87.
                new RentChargeScheduled(ID, PROPERTY, 4, LocalDate.of(2027, 1, 1), date, LocalDate.of(2027, 1, 1),
                                        inr("9677.42"), inr("483.87"), inr("0"), inr("10161.29"))));
        for (int k = 5; k < 12; k++) {
            ended.add(new RentChargeCancelled(ID, k));
        }
        given(notice).when(new EndLeaseTerm(ID, date))
                     .expectEvents(ended.toArray());
        given(notice, new LeaseTerminated(ID, PROPERTY, UNIT, date, "moving", TODAY, null, TENANT))
                .when(new EndLeaseTerm(ID, date.plusDays(1)))
                .expectNoEvents();
    }

    @Test
    void aLeasePastItsEndDateExpiresOnce() {
        given().when(new EndLeaseTerm(ID, END))
               .expectNoEvents();
        given().when(new EndLeaseTerm(ID, END.plusDays(1)))
               .expectEvents(new LeaseExpired(ID, PROPERTY, UNIT, END));
        given(new LeaseExpired(ID, PROPERTY, UNIT, END))
               .when(new EndLeaseTerm(ID, END.plusDays(2)))
               .expectNoEvents();
    }
}
