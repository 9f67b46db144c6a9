package io.alter8.command.lease;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.lease.ActivateLease;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.DeductFromDeposit;
import io.alter8.api.lease.LapseRenewal;
import io.alter8.api.lease.LeaseRenewalWithdrawn;
import io.alter8.api.lease.RefundDeposit;
import io.alter8.api.lease.SecurityDepositCarriedOver;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.api.lease.ConfirmLeaseActivation;
import io.alter8.api.lease.EndLeaseTerm;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseExpired;
import io.alter8.api.lease.LeaseNoticeGiven;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRenewed;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.OpenRenewal;
import io.alter8.api.lease.RenewLease;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.alter8.command.lease.LeaseEndingTest.END;
import static io.alter8.command.lease.LeaseTest.AGENT;
import static io.alter8.command.lease.LeaseTest.ID;
import static io.alter8.command.lease.LeaseTest.MANAGER;
import static io.alter8.command.lease.LeaseTest.NOW;
import static io.alter8.command.lease.LeaseTest.OWNER;
import static io.alter8.command.lease.LeaseTest.PROPERTY;
import static io.alter8.command.lease.LeaseTest.TENANT;
import static io.alter8.command.lease.LeaseTest.TODAY;
import static io.alter8.command.lease.LeaseTest.UNIT;
import static io.alter8.command.lease.LeaseTest.as;
import static io.alter8.command.lease.RentAccountTest.inForce;
import static io.alter8.command.lease.RentAccountTest.inr;

/** Renewal: by hand with new terms, or automatically at the end date at the escalated rent; once either way. */
class LeaseRenewalTest {

    static final LeaseId RENEWAL = LeaseId.random();
    /** The automatic renewal's id, which follows from the renewed lease's. */
    static final LeaseId AUTOMATIC = new LeaseId(UUID.nameUUIDFromBytes(("renewal of " + ID)
                                                                               .getBytes(StandardCharsets.UTF_8)));

    FixtureConfiguration<Lease> fixture;

    @BeforeEach
    void setUp() {
        fixture = RentAccountTest.leaseFixture();
    }

    /** The lease of {@link RentAccountTest} (1 Sep 2026 to 31 Aug 2027, 20000 a month, +5% a year), in force. */
    TestExecutor<Lease> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(inForce(null)).andGiven(events);
    }

    /** The same lease with automatic renewal on. */
    TestExecutor<Lease> givenAutoRenewing(Object... events) {
        Object[] history = inForce(null);
        LeaseProposed proposed = (LeaseProposed) history[0];
        history[0] = new LeaseProposed(ID, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT), TENANT,
                                       autoRenewing(proposed.terms()), OWNER);
        return fixture.givenCurrentTime(NOW).andGiven(history).andGiven(events);
    }

    static LeaseTerms autoRenewing(LeaseTerms t) {
        return new LeaseTerms(t.startDate(), t.endDate(), t.noticePeriodDays(), t.renewalOption(), true,
                              t.monthlyRent(), t.securityDeposit(), t.maintenanceCharge(), t.brokerageAmount(),
                              t.annualRentIncreasePercent(), t.nextRentReviewDate(), t.agreementType(),
                              t.specialTerms(), t.rentDueDay(), t.lateFee());
    }

    /** New terms from the day after the end date: a year at 22000. */
    static LeaseTerms renewalTerms(LocalDate start) {
        return new LeaseTerms(start, start.plusYears(1).minusDays(1), 30, true, false, inr("22000"), inr("40000"),
                              inr("1000"), inr("0"), new BigDecimal("5"), null, AgreementType.STANDARD, List.of(),
                              null, null);
    }

    /** The lease of {@link #given} renewed: it holds its deposit of 40000, which passes to the renewal. */
    static LeaseRenewed renewed(LeaseId renewal, LeaseTerms terms, boolean automatic) {
        return new LeaseRenewed(ID, PROPERTY, UNIT, renewal, OWNER, AGENT, MANAGER, List.of(TENANT), TENANT, terms,
                                automatic, automatic ? null : OWNER, inr("40000"));
    }

    @Test
    void theOwnerRenewsALeaseInForceWithNewTermsFromTheDayAfterItsEnd() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        given().when(new RenewLease(ID, RENEWAL, terms, as(OWNER, Role.OWNER), null))
               .expectEvents(renewed(RENEWAL, terms, false))
               .expectState(lease -> {
                   if (lease.status() != LeaseStatus.RENEWED) {
                       throw new AssertionError("status " + lease.status());
                   }
               });
    }

    @Test
    void theSameRenewalAgainChangesNothingAndASecondOneIsRefused() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        given(renewed(RENEWAL, terms, false))
                .when(new RenewLease(ID, RENEWAL, terms, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(renewed(RENEWAL, terms, false))
                .when(new RenewLease(ID, LeaseId.random(), terms, as(MANAGER, Role.PROPERTY_MANAGER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the lease was renewed already, by lease " + RENEWAL);
    }

    /**
     * The leasing process's confirmation delivered again after the lease was renewed: the lease keeps its unit for the
     * renewal, so it must not refuse (a refusal makes the process vacate the unit the renewal is to take over).
     */
    @Test
    void aLateRepeatOfTheActivationsConfirmationChangesNothingOnARenewedLease() {
        given(renewed(RENEWAL, renewalTerms(END.plusDays(1)), false))
                .when(new ConfirmLeaseActivation(ID))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLeaseNotInForceOrUnderNoticeIsNotRenewed() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        given(new LeaseTerminated(ID, PROPERTY, UNIT, TODAY, null, null, null, OWNER))
                .when(new RenewLease(ID, RENEWAL, terms, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("only a lease in force is renewed");
        given(new LeaseExpired(ID, PROPERTY, UNIT, END))
                .when(new RenewLease(ID, RENEWAL, terms, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("only a lease in force is renewed");
        given(new LeaseNoticeGiven(ID, TODAY, TODAY.plusDays(40), null, TENANT))
                .when(new RenewLease(ID, RENEWAL, terms, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("notice was given: the lease ends instead");
    }

    @Test
    void aRenewalStartsTheDayAfterTheEndDate() {
        given().when(new RenewLease(ID, RENEWAL, renewalTerms(END.plusDays(2)), as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("a renewal starts the day after the lease's end date, 2027-09-01");
    }

    @Test
    void onlyTheOwnerTheManagerOrAnAdminRenews() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        given().when(new RenewLease(ID, RENEWAL, terms, as(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        given().when(new RenewLease(ID, RENEWAL, terms, as(AGENT, Role.AGENT), null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void anAutoRenewingLeaseIsRenewedAfterItsEndDateAtTheEscalatedRentOnce() {
        LeaseTerms escalated = new LeaseTerms(LocalDate.of(2027, 9, 1), LocalDate.of(2028, 8, 31), 30, true, true,
                                              inr("21000.00"), inr("40000"), inr("1000"), inr("0"),
                                              new BigDecimal("5"), null, AgreementType.STANDARD, List.of(), null,
                                              null);
        givenAutoRenewing().when(new EndLeaseTerm(ID, END))
                           .expectNoEvents();
        givenAutoRenewing().when(new EndLeaseTerm(ID, END.plusDays(1)))
                           .expectEvents(renewed(AUTOMATIC, escalated, true));
        givenAutoRenewing(renewed(AUTOMATIC, escalated, true))
                .when(new EndLeaseTerm(ID, END.plusDays(2)))
                .expectNoEvents();
    }

    @Test
    void noticeGivenOnAnAutoRenewingLeaseEndsItInsteadOfRenewingIt() {
        givenAutoRenewing(new LeaseNoticeGiven(ID, TODAY, END.minusDays(10), null, TENANT))
                .when(new EndLeaseTerm(ID, END.plusDays(1)))
                .expectState(lease -> {
                    if (lease.status() != LeaseStatus.TERMINATED) {
                        throw new AssertionError("status " + lease.status());
                    }
                });
    }

    @Test
    void aManualRenewalOpensAsAProposalOfTheSameTenantsNamingTheLeaseItRenews() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        LeaseProposed opened = new LeaseProposed(RENEWAL, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT),
                                                 TENANT, terms, OWNER, ID, inr("40000"));
        fixture.givenCurrentTime(NOW)
               .when(new OpenRenewal(RENEWAL, renewed(RENEWAL, terms, false)))
               .expectEvents(opened);
        fixture.givenCurrentTime(NOW).andGiven(opened)
               .when(new OpenRenewal(RENEWAL, renewed(RENEWAL, terms, false)))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAutomaticRenewalOpensAndAsksForTheUnitAtOnce() {
        LeaseTerms terms = RentSchedule.renewalTerms(autoRenewing(RentAccountTest.terms(null)));
        fixture.givenCurrentTime(NOW)
               .when(new OpenRenewal(AUTOMATIC, renewed(AUTOMATIC, terms, true)))
               .expectEvents(new LeaseProposed(AUTOMATIC, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT),
                                               TENANT, terms, OWNER, ID, inr("40000")),
                             new LeaseActivationRequested(AUTOMATIC, PROPERTY, UNIT, List.of(TENANT), OWNER, ID));
    }

    @Test
    void aSignedManualRenewalAsksToTakeTheUnitOverFromTheLeaseItRenews() {
        LeaseTerms terms = renewalTerms(END.plusDays(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(new LeaseProposed(RENEWAL, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT), TENANT,
                                           terms, OWNER, ID, inr("40000")),
                         new LeaseApproved(RENEWAL, PROPERTY, UNIT, LeaseParty.TENANT, TENANT,
                                           LeaseApprovalStatus.TENANT_APPROVED, LeaseStatus.PENDING_APPROVAL),
                         new LeaseApproved(RENEWAL, PROPERTY, UNIT, LeaseParty.OWNER, OWNER,
                                           LeaseApprovalStatus.FULLY_APPROVED, LeaseStatus.PENDING_APPROVAL),
                         new LeaseSigned(RENEWAL, LeaseParty.OWNER, OWNER, "https://sign.example/o", null, false),
                         new LeaseSigned(RENEWAL, LeaseParty.TENANT, TENANT, "https://sign.example/t", null, true))
               .when(new ActivateLease(RENEWAL, as(OWNER, Role.OWNER), null))
               .expectEvents(new LeaseActivationRequested(RENEWAL, PROPERTY, UNIT, List.of(TENANT), OWNER, ID));
    }

    /** The renewal by hand of {@link #given}, opened as a proposal, carrying over its deposit of 40000. */
    static LeaseProposed renewalProposed() {
        return renewalProposed(renewalTerms(END.plusDays(1)), inr("40000"));
    }

    static LeaseProposed renewalProposed(LeaseTerms terms, Money carried) {
        return new LeaseProposed(RENEWAL, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT), TENANT, terms, OWNER,
                                 ID, carried);
    }

    @Test
    void aRenewalByHandNotInForceWhenItsStartDateComesIsWithdrawn() {
        LocalDate start = END.plusDays(1);
        fixture.givenCurrentTime(NOW).andGiven(renewalProposed())
               .when(new EndLeaseTerm(RENEWAL, END))
               .expectNoEvents();
        fixture.givenCurrentTime(NOW).andGiven(renewalProposed())
               .when(new EndLeaseTerm(RENEWAL, start))
               .expectEvents(new LeaseRenewalWithdrawn(RENEWAL, ID, PROPERTY, UNIT, start))
               .expectState(lease -> {
                   if (lease.status() != LeaseStatus.EXPIRED) {
                       throw new AssertionError("status " + lease.status());
                   }
               });
        fixture.givenCurrentTime(NOW).andGiven(renewalProposed(), new LeaseRenewalWithdrawn(RENEWAL, ID, PROPERTY,
                                                                                           UNIT, start))
               .when(new EndLeaseTerm(RENEWAL, start.plusDays(1)))
               .expectNoEvents();
    }

    @Test
    void aRenewalOnItsWayIntoForceIsNotWithdrawn() {
        fixture.givenCurrentTime(NOW)
               .andGiven(renewalProposed(),
                         new LeaseActivationRequested(RENEWAL, PROPERTY, UNIT, List.of(TENANT), OWNER, ID))
               .when(new EndLeaseTerm(RENEWAL, END.plusDays(3)))
               .expectNoEvents();
    }

    @Test
    void whenItsRenewalIsWithdrawnTheRenewedLeaseExpiresAtItsEndDateOnce() {
        LeaseRenewed renewed = renewed(RENEWAL, renewalTerms(END.plusDays(1)), false);
        given(renewed).when(new LapseRenewal(ID, RENEWAL))
                      .expectEvents(new LeaseExpired(ID, PROPERTY, UNIT, END));
        given(renewed).when(new LapseRenewal(ID, LeaseId.random()))
                      .expectNoEvents()
                      .expectSuccessfulHandlerExecution();
        given(renewed, new LeaseExpired(ID, PROPERTY, UNIT, END))
                .when(new LapseRenewal(ID, RENEWAL))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theRenewedLeaseNoLongerSettlesTheDepositItsRenewalCarries() {
        LeaseRenewed renewed = renewed(RENEWAL, renewalTerms(END.plusDays(1)), false);
        given(renewed).when(new DeductFromDeposit(ID, inr("1000"), "paint", as(OWNER, Role.OWNER), null))
                      .expectNoEvents()
                      .expectException(DomainRuleViolation.class)
                      .expectExceptionMessage("the lease was renewed: its deposit passes to the renewal and is "
                                                      + "settled when that ends");
        given(renewed).when(new RefundDeposit(ID, "NEFT 1", as(OWNER, Role.OWNER), null))
                      .expectNoEvents()
                      .expectException(DomainRuleViolation.class);
    }

    /** {@link #renewalTerms} with another deposit. */
    static LeaseTerms withDeposit(LeaseTerms t, String deposit) {
        return new LeaseTerms(t.startDate(), t.endDate(), t.noticePeriodDays(), t.renewalOption(), t.autoRenewal(),
                              t.monthlyRent(), inr(deposit), t.maintenanceCharge(), t.brokerageAmount(),
                              t.annualRentIncreasePercent(), t.nextRentReviewDate(), t.agreementType(),
                              t.specialTerms(), t.rentDueDay(), t.lateFee());
    }

    @Test
    void aRenewalByHandMayAskAnotherDepositAndNamesTheOneItWillCarryOver() {
        LeaseTerms higher = withDeposit(renewalTerms(END.plusDays(1)), "45000");
        given().when(new RenewLease(ID, RENEWAL, higher, as(OWNER, Role.OWNER), null))
               .expectEvents(renewed(RENEWAL, higher, false));
        LeaseTerms lower = withDeposit(renewalTerms(END.plusDays(1)), "30000");
        given().when(new RenewLease(ID, RENEWAL, lower, as(MANAGER, Role.PROPERTY_MANAGER), null))
               .expectEvents(new LeaseRenewed(ID, PROPERTY, UNIT, RENEWAL, OWNER, AGENT, MANAGER, List.of(TENANT),
                                              TENANT, lower, false, MANAGER, inr("40000")));
    }

    @Test
    void aRenewalsDepositIsAtMostTwelveMonthsRentAndNeverNegative() {
        // 22000 a month: at most 264000.
        given().when(new RenewLease(ID, RENEWAL, withDeposit(renewalTerms(END.plusDays(1)), "264000.01"),
                                    as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the security deposit is at most 12 months' rent");
        given().when(new RenewLease(ID, RENEWAL, withDeposit(renewalTerms(END.plusDays(1)), "-1"),
                                    as(OWNER, Role.OWNER), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("securityDeposit cannot be negative");
    }

    /**
     * The renewal of {@link #renewalProposed(LeaseTerms, Money)}, asked into force, is confirmed: its deposit events
     * are {@code expected}, in order.
     */
    void confirmedWithDepositEvents(LeaseTerms terms, Money carried, Object... expected) {
        fixture.givenCurrentTime(NOW)
               .andGiven(renewalProposed(terms, carried),
                         new LeaseActivationRequested(RENEWAL, PROPERTY, UNIT, List.of(TENANT), MANAGER, ID))
               .when(new ConfirmLeaseActivation(RENEWAL))
               .expectEventsMatching(Matchers.payloadsMatching(Matchers.<List<?>>predicate(
                       events -> events.stream().filter(e -> e.getClass().getSimpleName().startsWith("SecurityDeposit"))
                                       .toList().equals(List.of(expected)))));
    }

    @Test
    void aRenewalAskingAHigherDepositCarriesTheOldOneOverAndHoldsTheTopUpOnce() {
        confirmedWithDepositEvents(withDeposit(renewalTerms(END.plusDays(1)), "45000"), inr("40000"),
                                   new SecurityDepositCarriedOver(RENEWAL, ID, inr("40000")),
                                   new SecurityDepositHeld(RENEWAL, inr("5000")));
    }

    @Test
    void aRenewalAskingALowerDepositRefundsTheDifferenceAndHoldsTheRest() {
        confirmedWithDepositEvents(withDeposit(renewalTerms(END.plusDays(1)), "30000"), inr("40000"),
                                   new SecurityDepositCarriedOver(RENEWAL, ID, inr("40000")),
                                   new SecurityDepositRefunded(RENEWAL, inr("10000"),
                                                               "lower deposit on renewal of lease " + ID, MANAGER));
    }

    @Test
    void aRenewalInForceKeepingTheDepositCarriesItOverInsteadOfHoldingASecondOne() {
        confirmedWithDepositEvents(renewalTerms(END.plusDays(1)), inr("40000"),
                                   new SecurityDepositCarriedOver(RENEWAL, ID, inr("40000")));
    }

    @Test
    void aRenewalStoredBeforeDepositsCouldChangeCarriesItsOwnTermsDepositOver() {
        confirmedWithDepositEvents(renewalTerms(END.plusDays(1)), null,
                                   new SecurityDepositCarriedOver(RENEWAL, ID, inr("40000")));
    }

    /** The renewal asking {@code deposit}, in force with these deposit events, then terminated: settled as any. */
    TestExecutor<Lease> renewalEnded(String deposit, Object... depositEvents) {
        LeaseTerms terms = withDeposit(renewalTerms(END.plusDays(1)), deposit);
        return fixture.givenCurrentTime(NOW)
                      .andGiven(renewalProposed(terms, inr("40000")),
                                new LeaseActivationRequested(RENEWAL, PROPERTY, UNIT, List.of(TENANT), MANAGER, ID),
                                new LeaseActivated(RENEWAL, PROPERTY, UNIT, List.of(TENANT), MANAGER),
                                new SecurityDepositCarriedOver(RENEWAL, ID, inr("40000")))
                      .andGiven(depositEvents)
                      .andGiven(new LeaseTerminated(RENEWAL, PROPERTY, UNIT, TODAY, null, null, null, OWNER));
    }

    TestExecutor<Lease> lowerRenewalEnded() {
        return renewalEnded("30000", new SecurityDepositRefunded(RENEWAL, inr("10000"),
                                                                  "lower deposit on renewal of lease " + ID, MANAGER));
    }

    @Test
    void afterATopUpTheWholeDepositIsSettledAtTheEnd() {
        TestExecutor<Lease> ended = renewalEnded("45000", new SecurityDepositHeld(RENEWAL, inr("5000")));
        ended.when(new DeductFromDeposit(RENEWAL, inr("45000.01"), "paint", as(OWNER, Role.OWNER), null))
             .expectNoEvents()
             .expectException(DomainRuleViolation.class)
             .expectExceptionMessage("at most 45000.00 INR of the deposit is still held");
        renewalEnded("45000", new SecurityDepositHeld(RENEWAL, inr("5000")))
                .when(new RefundDeposit(RENEWAL, "NEFT 8", as(OWNER, Role.OWNER), null))
                .expectEvents(new SecurityDepositRefunded(RENEWAL, inr("45000"), "NEFT 8", OWNER));
    }

    @Test
    void afterTheDifferenceWasRefundedOnlyTheRestIsDeductedOrRefundedAtTheEnd() {
        lowerRenewalEnded()
                .when(new DeductFromDeposit(RENEWAL, inr("30000.01"), "paint", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("at most 30000.00 INR of the deposit is still held");
        lowerRenewalEnded()
                .when(new RefundDeposit(RENEWAL, "NEFT 9", as(OWNER, Role.OWNER), null))
                .expectEvents(new SecurityDepositRefunded(RENEWAL, inr("30000"), "NEFT 9", OWNER));
        lowerRenewalEnded()
                .andGiven(new SecurityDepositRefunded(RENEWAL, inr("30000"), "NEFT 9", OWNER))
                .when(new DeductFromDeposit(RENEWAL, inr("1"), "paint", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("the deposit was refunded");
    }
}
