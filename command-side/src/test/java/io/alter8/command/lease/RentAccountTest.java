package io.alter8.command.lease;

import io.alter8.api.common.Money;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.AddRecurringCharge;
import io.alter8.api.lease.AgreementType;
import io.alter8.api.lease.AssessRentAccount;
import io.alter8.api.lease.ChargeFrequency;
import io.alter8.api.lease.ChargeOverpaid;
import io.alter8.api.lease.ChargeType;
import io.alter8.api.lease.CreditAllocated;
import io.alter8.api.lease.DeductFromDeposit;
import io.alter8.api.lease.LateFeeApplied;
import io.alter8.api.lease.LateFeeKind;
import io.alter8.api.lease.LateFeeRule;
import io.alter8.api.lease.LateFeeWaived;
import io.alter8.api.lease.LeaseActivated;
import io.alter8.api.lease.LeaseActivationRequested;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseApproved;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.lease.LeaseProposed;
import io.alter8.api.lease.LeaseRentReviewed;
import io.alter8.api.lease.LeaseSigned;
import io.alter8.api.lease.LeaseStatus;
import io.alter8.api.lease.LeaseTerminated;
import io.alter8.api.lease.LeaseTerms;
import io.alter8.api.lease.PaymentMethod;
import io.alter8.api.lease.PaymentRecorded;
import io.alter8.api.lease.ProposeLease;
import io.alter8.api.lease.RecordPayment;
import io.alter8.api.lease.RecurringCharge;
import io.alter8.api.lease.RecurringChargeAdded;
import io.alter8.api.lease.RefundDeposit;
import io.alter8.api.lease.RentChargeCancelled;
import io.alter8.api.lease.RentChargeScheduled;
import io.alter8.api.lease.ReviseLeaseTerms;
import io.alter8.api.lease.SecurityDepositDeducted;
import io.alter8.api.lease.SecurityDepositHeld;
import io.alter8.api.lease.SecurityDepositRefunded;
import io.alter8.api.lease.TerminateLease;
import io.alter8.api.lease.WaiveLateFee;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.property.Lettings;
import io.alter8.command.user.UserRoles;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * The money of a lease in force: its schedule, payments and credit, late fees and waivers, rent reviews, extra
 * charges, the end of the schedule, and the deposit.
 */
class RentAccountTest {

    static final UserId OTHER_TENANT = UserId.random();
    static final UserId ADMIN = UserId.random();
    /** On {@code TODAY}, 22 Nov 2026, charges 0, 1 and 2 (1 Sep, 1 Oct, 1 Nov) are due; 3 (1 Dec) is not. */
    static final LateFeeRule FLAT_FEE = new LateFeeRule(LateFeeKind.FLAT, inr("500"), null, null, 5);

    FixtureConfiguration<Lease> fixture;

    @BeforeEach
    void setUp() {
        fixture = leaseFixture();
    }

    /** A lease's fixture whose property is the tests' listed one and whose named users are all active tenants. */
    static FixtureConfiguration<Lease> leaseFixture() {
        FixtureConfiguration<Lease> fixture = new AggregateTestFixture<>(Lease.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> role == Role.TENANT);
        fixture.registerInjectableResource((Lettings) (propertyId, unitId) ->
                new Lettings.LettableUnit(PROPERTY, UNIT, OWNER, AGENT, MANAGER, "INR", true));
        return fixture;
    }

    static Money inr(String amount) {
        return Money.of(amount, "INR");
    }

    /** A year from 1 Sep 2026: rent 20000 and maintenance 1000 due on each 1st, 5% a year, deposit 40000. */
    static LeaseTerms terms(LateFeeRule lateFee) {
        return terms("20000", lateFee);
    }

    static LeaseTerms terms(String rent, LateFeeRule lateFee) {
        return new LeaseTerms(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 8, 31), 30, true, false, inr(rent),
                              inr("40000"), inr("1000"), inr("0"), new BigDecimal("5"), null, AgreementType.STANDARD,
                              List.of(), null, lateFee);
    }

    static RentChargeScheduled charge(int number, String rent, String maintenance, String other) {
        LocalDate start = LocalDate.of(2026, 9, 1).plusMonths(number);
        return new RentChargeScheduled(ID, PROPERTY, number, start, start.plusMonths(1).minusDays(1), start,
                                       inr(rent), inr(maintenance), inr(other),
                                       inr(rent).plus(inr(maintenance)).plus(inr(other)));
    }

    /** Proposed, approved, signed, put into force with its schedule and deposit. */
    static Object[] inForce(LateFeeRule lateFee) {
        List<Object> history = new ArrayList<>(List.of(
                new LeaseProposed(ID, PROPERTY, UNIT, OWNER, AGENT, MANAGER, List.of(TENANT), TENANT, terms(lateFee),
                                  OWNER),
                new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.TENANT, TENANT, LeaseApprovalStatus.TENANT_APPROVED,
                                  LeaseStatus.PENDING_APPROVAL),
                new LeaseApproved(ID, PROPERTY, UNIT, LeaseParty.OWNER, OWNER, LeaseApprovalStatus.FULLY_APPROVED,
                                  LeaseStatus.PENDING_APPROVAL),
                new LeaseSigned(ID, LeaseParty.OWNER, OWNER, "https://sign.example/o", null, false),
                new LeaseSigned(ID, LeaseParty.TENANT, TENANT, "https://sign.example/t", null, true),
                new LeaseActivationRequested(ID, PROPERTY, UNIT, List.of(TENANT), OWNER),
                new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), OWNER),
                new SecurityDepositHeld(ID, inr("40000"))));
        for (int k = 0; k < 12; k++) {
            history.add(charge(k, "20000", "1000", "0"));
        }
        return history.toArray();
    }

    TestExecutor<Lease> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    static RecordPayment payment(UUID id, String amount, String gatewayTransactionId, Actor by) {
        return new RecordPayment(ID, id, inr(amount), PaymentMethod.UPI, NOW.minusSeconds(60), "razorpay",
                                 gatewayTransactionId, "Nov rent", by, null);
    }

    static PaymentRecorded recorded(UUID id, String amount, String gatewayTransactionId, UserId by) {
        return new PaymentRecorded(ID, id, PROPERTY, inr(amount), PaymentMethod.UPI, NOW.minusSeconds(60), "razorpay",
                                   gatewayTransactionId, "Nov rent", by);
    }

    static UUID feeId(int chargeNumber) {
        return UUID.nameUUIDFromBytes((ID + "/late-fee/" + chargeNumber).getBytes(StandardCharsets.UTF_8));
    }

    // ----------------------------------------------------------------------------------------- the schedule

    @Test
    void goingIntoForceHoldsTheDepositAndSchedulesEveryChargeOfTheTermIncludingPastOnes() {
        Object[] history = inForce(null);
        List<Object> expected = new ArrayList<>(List.of(new LeaseActivated(ID, PROPERTY, UNIT, List.of(TENANT), OWNER),
                                                        new SecurityDepositHeld(ID, inr("40000"))));
        for (int k = 0; k < 12; k++) {
            expected.add(charge(k, "20000", "1000", "0"));
        }
        given(java.util.Arrays.copyOf(history, 6))
                .when(new io.alter8.api.lease.ConfirmLeaseActivation(ID))
                .expectEvents(expected.toArray());
    }

    @Test
    void aDepositAboveTwelveMonthsRentIsRefused() {
        LeaseTerms terms = terms(null);
        LeaseTerms greedy = new LeaseTerms(terms.startDate(), terms.endDate(), 30, true, false, inr("20000"),
                                           inr("240000.01"), inr("0"), inr("0"), BigDecimal.ZERO, null,
                                           AgreementType.STANDARD, List.of(), null, null);
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, greedy, as(OWNER, Role.OWNER)))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the security deposit is at most 12 months' rent");
    }

    @Test
    void aLateFeeRuleMustBeWhole() {
        LeaseTerms terms = terms(new LateFeeRule(LateFeeKind.PERCENT, null, new BigDecimal("101"), null, 5));
        fixture.givenCurrentTime(NOW)
               .when(new ProposeLease(ID, PROPERTY, null, List.of(TENANT), null, null, terms, as(OWNER, Role.OWNER)))
               .expectNoEvents()
               .expectExceptionMessage("a late fee is more than 0, at most 100 percent");
    }

    @Test
    void aRentReviewChangesOnlyTheChargesNotYetDue() {
        LeaseTerms reviewed = terms("22000", null);
        List<Object> expected = new ArrayList<>(List.of(new LeaseRentReviewed(ID, reviewed, TODAY, MANAGER)));
        for (int k = 3; k < 12; k++) {
            expected.add(charge(k, "22000", "1000", "0"));
        }
        given(inForce(null))
                .when(new ReviseLeaseTerms(ID, reviewed, as(MANAGER, Role.PROPERTY_MANAGER), null))
                .expectEvents(expected.toArray());
    }

    @Test
    void aRentReviewIsTheOwnersSidesAndKeepsTheDatesAndDeposit() {
        given(inForce(null))
                .when(new ReviseLeaseTerms(ID, terms("18000", null), as(TENANT, Role.TENANT), null))
                .expectNoEvents()
                .expectException(NotPermitted.class);
        LeaseTerms t = terms(null);
        LeaseTerms longer = new LeaseTerms(t.startDate(), t.endDate().plusYears(1), 30, true, false, t.monthlyRent(),
                                           t.securityDeposit(), t.maintenanceCharge(), t.brokerageAmount(),
                                           t.annualRentIncreasePercent(), null, AgreementType.STANDARD, List.of(),
                                           null, null);
        given(inForce(null))
                .when(new ReviseLeaseTerms(ID, longer, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("a rent review keeps the lease's dates and deposit");
    }

    @Test
    void aRecurringChargeJoinsOnlyTheChargesNotYetDue() {
        UUID id = UUID.randomUUID();
        RecurringCharge water = new RecurringCharge(id, ChargeType.UTILITY, inr("300"), ChargeFrequency.MONTHLY, 1,
                                                    LocalDate.of(2026, 9, 1), null, "water");
        List<Object> expected = new ArrayList<>(List.of(new RecurringChargeAdded(ID, water, OWNER)));
        for (int k = 3; k < 12; k++) {
            expected.add(charge(k, "20000", "1000", "300"));
        }
        given(inForce(null))
                .when(new AddRecurringCharge(ID, water, as(OWNER, Role.OWNER), null))
                .expectEvents(expected.toArray());
        given(inForce(null))
                .andGiven(new RecurringChargeAdded(ID, water, OWNER))
                .when(new AddRecurringCharge(ID, water, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------------------------------ payments

    @Test
    void aTenantsFullPaymentPaysTheOldestChargeDue() {
        UUID id = UUID.randomUUID();
        given(inForce(null))
                .when(payment(id, "21000", "pay_1", as(TENANT, Role.TENANT)))
                .expectEvents(recorded(id, "21000", "pay_1", TENANT), new CreditAllocated(ID, 0, inr("21000")));
    }

    @Test
    void aPaymentPaysTheChargesDueOldestFirstAndAPartialOneLeavesTheNextPartlyPaid() {
        UUID id = UUID.randomUUID();
        given(inForce(null))
                .andGiven(recorded(UUID.randomUUID(), "10000", null, OWNER), new CreditAllocated(ID, 0, inr("10000")))
                .when(payment(id, "30000", null, as(OWNER, Role.OWNER)))
                .expectEvents(recorded(id, "30000", null, OWNER), new CreditAllocated(ID, 0, inr("11000")),
                              new CreditAllocated(ID, 1, inr("19000")));
    }

    @Test
    void anOverpaymentStaysCreditUntilTheNextChargeFallsDue() {
        UUID id = UUID.randomUUID();
        given(inForce(null))
                .when(payment(id, "70000", null, as(TENANT, Role.TENANT)))
                .expectEvents(recorded(id, "70000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                              new CreditAllocated(ID, 1, inr("21000")), new CreditAllocated(ID, 2, inr("21000")));
        given(inForce(null))
                .andGiven(recorded(id, "70000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                          new CreditAllocated(ID, 1, inr("21000")), new CreditAllocated(ID, 2, inr("21000")))
                .when(new AssessRentAccount(ID, LocalDate.of(2026, 12, 1)))
                .expectEvents(new CreditAllocated(ID, 3, inr("7000")));
    }

    @Test
    void theSameGatewayTransactionOrPaymentIsRecordedOnce() {
        UUID id = UUID.randomUUID();
        Object[] paid = {recorded(id, "21000", "pay_1", TENANT), new CreditAllocated(ID, 0, inr("21000"))};
        given(inForce(null)).andGiven(paid)
                .when(payment(UUID.randomUUID(), "21000", "pay_1", as(TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(inForce(null)).andGiven(paid)
                .when(payment(id, "21000", "pay_1", as(TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(inForce(null)).andGiven(paid)
                .when(payment(id, "5000", "pay_2", as(TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("payment " + id + " was recorded with other details");
    }

    @Test
    void onlyItsTenantsPayALeaseAndOnlyTheOwnerManagerOrAdminRecordPayments() {
        given(inForce(null))
                .when(payment(UUID.randomUUID(), "100", null, as(OTHER_TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectException(NotPermitted.class);
        given(inForce(null))
                .when(payment(UUID.randomUUID(), "100", null, as(AGENT, Role.AGENT)))
                .expectNoEvents()
                .expectException(NotPermitted.class);
        UUID id = UUID.randomUUID();
        given(inForce(null))
                .when(payment(id, "100", null, as(MANAGER, Role.PROPERTY_MANAGER)))
                .expectEvents(recorded(id, "100", null, MANAGER), new CreditAllocated(ID, 0, inr("100")));
    }

    @Test
    void aPaymentIsPositiveInTheLeasesCurrencyMadeAlreadyAndOnALeaseInForce() {
        given(inForce(null))
                .when(payment(UUID.randomUUID(), "0", null, as(TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectExceptionMessage("a payment is more than zero");
        given(inForce(null))
                .when(new RecordPayment(ID, UUID.randomUUID(), Money.of("100", "USD"), PaymentMethod.CARD,
                                        NOW.minusSeconds(1), null, null, null, as(TENANT, Role.TENANT), null))
                .expectNoEvents()
                .expectExceptionMessage("amount must be in INR, the property's currency");
        given(inForce(null))
                .when(new RecordPayment(ID, UUID.randomUUID(), inr("100"), PaymentMethod.CASH, NOW.plusSeconds(3600),
                                        null, null, null, as(TENANT, Role.TENANT), null))
                .expectNoEvents()
                .expectExceptionMessage("a payment is recorded once it is made");
        Object[] history = inForce(null);
        given(java.util.Arrays.copyOf(history, 5))
                .when(payment(UUID.randomUUID(), "100", null, as(TENANT, Role.TENANT)))
                .expectNoEvents()
                .expectExceptionMessage("payments are recorded on a lease put into force");
    }

    // ----------------------------------------------------------------------------------------- late fees

    @Test
    void aChargeOpenPastItsGraceDaysGetsOneFlatLateFeeWithItsDaysLate() {
        // Charge 0 is paid; 1 (1 Oct) and 2 (1 Nov) are open past 5 days of grace on 22 Nov.
        given(inForce(FLAT_FEE))
                .andGiven(recorded(UUID.randomUUID(), "21000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")))
                .when(new AssessRentAccount(ID, TODAY))
                .expectEvents(new LateFeeApplied(ID, feeId(1), PROPERTY, 1, inr("500"), 52, TODAY),
                              new LateFeeApplied(ID, feeId(2), PROPERTY, 2, inr("500"), 21, TODAY));
    }

    @Test
    void aSecondAssessmentAppliesNoSecondFee() {
        given(inForce(FLAT_FEE))
                .andGiven(new LateFeeApplied(ID, feeId(0), PROPERTY, 0, inr("500"), 10, LocalDate.of(2026, 9, 11)),
                          new LateFeeApplied(ID, feeId(1), PROPERTY, 1, inr("500"), 52, TODAY),
                          new LateFeeApplied(ID, feeId(2), PROPERTY, 2, inr("500"), 21, TODAY),
                          new LateFeeWaived(ID, feeId(2), 2, inr("500"), "bank holiday", OWNER))
                .when(new AssessRentAccount(ID, TODAY.plusDays(1)))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noFeeWithinTheGraceDays() {
        // 6 Nov is the 5th day of grace for the charge due 1 Nov; 7 Nov is past it.
        given(inForce(FLAT_FEE))
                .andGiven(recorded(UUID.randomUUID(), "42000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                          new CreditAllocated(ID, 1, inr("21000")))
                .when(new AssessRentAccount(ID, LocalDate.of(2026, 11, 6)))
                .expectNoEvents();
        given(inForce(FLAT_FEE))
                .andGiven(recorded(UUID.randomUUID(), "42000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                          new CreditAllocated(ID, 1, inr("21000")))
                .when(new AssessRentAccount(ID, LocalDate.of(2026, 11, 7)))
                .expectEvents(new LateFeeApplied(ID, feeId(2), PROPERTY, 2, inr("500"), 6, LocalDate.of(2026, 11, 7)));
    }

    @Test
    void aPercentageFeeIsOfTheRentRoundedAndCappedAtTheMaximum() {
        LateFeeRule percent = new LateFeeRule(LateFeeKind.PERCENT, null, new BigDecimal("2.5"), null, 0);
        assertFee(percent, "500.00");
        assertFee(new LateFeeRule(LateFeeKind.PERCENT, null, new BigDecimal("2.5"), inr("450"), 0), "450");
        assertFee(new LateFeeRule(LateFeeKind.PERCENT, null, new BigDecimal("0.0033"), null, 0), "0.66");
    }

    void assertFee(LateFeeRule rule, String expected) {
        given(inForce(rule))
                .andGiven(recorded(UUID.randomUUID(), "42000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                          new CreditAllocated(ID, 1, inr("21000")))
                .when(new AssessRentAccount(ID, TODAY))
                .expectEvents(new LateFeeApplied(ID, feeId(2), PROPERTY, 2, inr(expected), 21, TODAY));
    }

    @Test
    void theOwnerWaivesAFeeWithAReasonAndWhatWasPaidOnItPaysTheNextChargeDue() {
        Object[] feeAndPayment = {
                new LateFeeApplied(ID, feeId(0), PROPERTY, 0, inr("500"), 10, LocalDate.of(2026, 9, 11)),
                recorded(UUID.randomUUID(), "21500", null, TENANT), new CreditAllocated(ID, 0, inr("21500"))};
        given(inForce(FLAT_FEE)).andGiven(feeAndPayment)
                .when(new WaiveLateFee(ID, feeId(0), "first month", as(OWNER, Role.OWNER), null))
                .expectEvents(new LateFeeWaived(ID, feeId(0), 0, inr("500"), "first month", OWNER),
                              new ChargeOverpaid(ID, 0, inr("500")), new CreditAllocated(ID, 1, inr("500")));
        given(inForce(FLAT_FEE)).andGiven(feeAndPayment)
                .when(new WaiveLateFee(ID, feeId(0), "please", as(TENANT, Role.TENANT), null))
                .expectNoEvents()
                .expectException(NotPermitted.class);
        given(inForce(FLAT_FEE)).andGiven(feeAndPayment)
                .when(new WaiveLateFee(ID, feeId(0), " ", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("reason is required");
        given(inForce(FLAT_FEE)).andGiven(feeAndPayment)
                .when(new WaiveLateFee(ID, feeId(5), "no such fee", as(ADMIN, Role.ADMIN), null))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    // ---------------------------------------------------------------------------------- end and deposit

    @Test
    void anEarlyEndCutsTheLastPeriodCancelsTheRestAddsThePenaltyAndReturnsAdvancePayments() {
        // Paid up to charge 3 (December) in advance; ended 10 Nov with a penalty of 5000.
        LocalDate end = LocalDate.of(2026, 11, 10);
        List<Object> expected = new ArrayList<>(List.of(
                new LeaseTerminated(ID, PROPERTY, UNIT, end, "job move", end.minusDays(30), inr("5000"), TENANT),
                // 10 of November's 30 days: 20000 → 6666.67, 1000 → 333.33.
                new RentChargeScheduled(ID, PROPERTY, 2, LocalDate.of(2026, 11, 1), end, LocalDate.of(2026, 11, 1),
                                        inr("6666.67"), inr("333.33"), inr("5000"), inr("12000.00")),
                new ChargeOverpaid(ID, 3, inr("21000"))));
        for (int k = 3; k < 12; k++) {
            expected.add(new RentChargeCancelled(ID, k));
        }
        expected.add(new ChargeOverpaid(ID, 2, inr("9000.00")));
        given(inForce(null))
                .andGiven(recorded(UUID.randomUUID(), "84000", null, TENANT), new CreditAllocated(ID, 0, inr("21000")),
                          new CreditAllocated(ID, 1, inr("21000")), new CreditAllocated(ID, 2, inr("21000")),
                          new CreditAllocated(ID, 3, inr("21000")))
                .when(new TerminateLease(ID, end, "job move", end.minusDays(30), inr("5000"),
                                         as(TENANT, Role.TENANT), null))
                .expectEvents(expected.toArray());
    }

    @Test
    void aLeaseInForceBeforeSchedulesExistedGetsItsScheduleAtItsFirstAssessment() {
        Object[] history = inForce(null);
        List<Object> expected = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            expected.add(charge(k, "20000", "1000", "0"));
        }
        given(java.util.Arrays.copyOf(history, 7))
                .when(new AssessRentAccount(ID, TODAY))
                .expectEvents(expected.toArray());
    }

    @Test
    void atMoveOutTheOwnersSideDeductsWithReasonsThenRefundsTheRestOnce() {
        Object[] ended = {new LeaseTerminated(ID, PROPERTY, UNIT, TODAY, null, null, null, OWNER)};
        given(inForce(null))
                .when(new DeductFromDeposit(ID, inr("1000"), "broken tap", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("the deposit is settled once the lease has ended");
        given(inForce(null)).andGiven(ended)
                .when(new DeductFromDeposit(ID, inr("1500"), "broken tap", as(MANAGER, Role.PROPERTY_MANAGER), null))
                .expectEvents(new SecurityDepositDeducted(ID, inr("1500"), "broken tap", MANAGER));
        given(inForce(null)).andGiven(ended)
                .andGiven(new SecurityDepositDeducted(ID, inr("39000"), "repainting", OWNER))
                .when(new DeductFromDeposit(ID, inr("1000.01"), "cleaning", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("at most 1000.00 INR of the deposit is still held");
        given(inForce(null)).andGiven(ended)
                .andGiven(new SecurityDepositDeducted(ID, inr("1500"), "broken tap", MANAGER))
                .when(new RefundDeposit(ID, "NEFT 123", as(OWNER, Role.OWNER), null))
                .expectEvents(new SecurityDepositRefunded(ID, inr("38500"), "NEFT 123", OWNER));
        given(inForce(null)).andGiven(ended)
                .andGiven(new SecurityDepositRefunded(ID, inr("40000"), null, OWNER))
                .when(new RefundDeposit(ID, null, as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        given(inForce(null)).andGiven(ended)
                .andGiven(new SecurityDepositRefunded(ID, inr("40000"), null, OWNER))
                .when(new DeductFromDeposit(ID, inr("1"), "late", as(OWNER, Role.OWNER), null))
                .expectNoEvents()
                .expectExceptionMessage("the deposit was refunded");
        given(inForce(null)).andGiven(ended)
                .when(new RefundDeposit(ID, null, as(TENANT, Role.TENANT), null))
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }
}
