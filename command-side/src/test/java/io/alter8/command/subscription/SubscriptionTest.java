package io.alter8.command.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.ApplyRecommendation;
import io.alter8.api.subscription.CancelSubscription;
import io.alter8.api.subscription.ChangeSubscription;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.PlanRecommended;
import io.alter8.api.subscription.ReactivateSubscription;
import io.alter8.api.subscription.RecommendPlan;
import io.alter8.api.subscription.RecommendationApplied;
import io.alter8.api.subscription.RenewSubscription;
import io.alter8.api.subscription.StartSubscription;
import io.alter8.api.subscription.SubscriptionCancelled;
import io.alter8.api.subscription.SubscriptionChanged;
import io.alter8.api.subscription.SubscriptionEnded;
import io.alter8.api.subscription.SubscriptionInvoiced;
import io.alter8.api.subscription.SubscriptionReactivated;
import io.alter8.api.subscription.SubscriptionRenewed;
import io.alter8.api.subscription.SubscriptionStarted;
import io.alter8.api.subscription.SubscriptionStatus;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.UserRoles;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscription's rules: starting paid or on trial, pricing, changes pro-rated by the day (across a month end and
 * across 29 February), cancellation, renewal, expiry and reactivation, each period invoiced.
 */
class SubscriptionTest {

    static final SubscriptionId ID = SubscriptionId.random();
    static final UserId OWNER = UserId.random();
    static final Actor AS_OWNER = new Actor(OWNER, Role.OWNER);
    static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);
    static final PlanId BASIC = PlanId.random();
    static final PlanId GROWTH = PlanId.random();
    static final PlanId RETIRED = PlanId.random();
    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);

    FixtureConfiguration<Subscription> fixture;
    final Map<PlanId, PlanCatalog.Offer> plans = new HashMap<>();
    final Map<UserId, SubscriptionId> subscribers = new HashMap<>();
    int unitsTheOwnerHas = 7;
    final Map<String, Long> usage = new HashMap<>();

    /** 50 a unit, at least 500 a month; at most {@code maximumUnits}; 10 % off annually. */
    static PlanTerms plan(String name, String perUnit, Integer maximumUnits) {
        return new PlanTerms(name, null, Money.of(perUnit, "USD"), Money.of("500", "USD"), maximumUnits, false,
                             new BigDecimal("10"), List.of(new PlanFeature("properties", true, 10)));
    }

    @BeforeEach
    void setUp() {
        plans.put(BASIC, new PlanCatalog.Offer(BASIC, plan("Basic", "50", 20), true));
        plans.put(GROWTH, new PlanCatalog.Offer(GROWTH, plan("Growth", "50", 200), true));
        plans.put(RETIRED, new PlanCatalog.Offer(RETIRED, plan("Retired", "40", null), false));
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(new PlanCatalog() {
            @Override
            public Offer offer(PlanId id) {
                Offer offer = plans.get(id);
                if (offer == null) {
                    throw new NotFound("no plan " + id);
                }
                return offer;
            }

            @Override
            public List<Offer> offers() {
                return plans.values().stream().filter(Offer::active).toList();
            }
        });
        fixture.registerInjectableResource(new AccountUsage() {
            @Override
            public int unitsOf(UserId account) {
                return unitsTheOwnerHas;
            }

            @Override
            public long used(UserId account, String feature, LocalDate today) {
                return usage.getOrDefault(feature, 0L);
            }
        });
        fixture.registerInjectableResource((Subscribers) account -> Optional.ofNullable(subscribers.get(account)));
        fixture.registerInjectableResource((UserRoles) (user, role) -> user.equals(OWNER) && role == Role.OWNER);
    }

    static StartSubscription start(PlanId plan, Integer units, LocalDate trialEndsOn, Actor by) {
        return new StartSubscription(ID, null, plan, PaymentFrequency.MONTHLY, units, trialEndsOn, true, TODAY, by);
    }

    static SubscriptionStarted started(PlanId plan, String name, int units, String price, LocalDate start,
                                       LocalDate end) {
        return new SubscriptionStarted(ID, OWNER, plan, name, PaymentFrequency.MONTHLY, units, Money.of(price, "USD"),
                                       SubscriptionStatus.ACTIVE, start, end, true, OWNER);
    }

    static SubscriptionStarted trial(LocalDate start, LocalDate end, boolean autoRenew) {
        return new SubscriptionStarted(ID, OWNER, BASIC, "Basic", PaymentFrequency.MONTHLY, 10, Money.of("500", "USD"),
                                       SubscriptionStatus.TRIAL, start, end, autoRenew, OWNER);
    }

    static SubscriptionInvoiced invoice(int number, PlanId plan, LocalDate start, LocalDate end, String amount) {
        return new SubscriptionInvoiced(ID, OWNER, number, plan, start, end, Money.of(amount, "USD"));
    }

    /** Basic with 10 units, 500 a month, from 15 January 2027 to 15 February 2027 (31 days). */
    static Object[] paidFromTheFifteenth() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        return new Object[]{started(BASIC, "Basic", 10, "500", TODAY, end), invoice(1, BASIC, TODAY, end, "500")};
    }

    @Test
    void anOwnerStartsAPaidMonthlySubscriptionPricedAtTheMinimumAndInvoicesItsFirstPeriod() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        fixture.givenNoPriorActivity()
               .when(start(BASIC, 4, null, AS_OWNER))
               .expectEvents(started(BASIC, "Basic", 4, "500", TODAY, end), invoice(1, BASIC, TODAY, end, "500"));
    }

    @Test
    void unitsLeftOutAreTheUnitsTheAccountHasPricedPerUnitAboveTheMinimum() {
        unitsTheOwnerHas = 12;
        LocalDate end = LocalDate.of(2027, 2, 15);
        fixture.givenNoPriorActivity()
               .when(start(BASIC, null, null, AS_OWNER))
               .expectEvents(started(BASIC, "Basic", 12, "600", TODAY, end), invoice(1, BASIC, TODAY, end, "600"));
    }

    @Test
    void anAnnualSubscriptionRunsAYearAtTwelveMonthsLessTheDiscount() {
        LocalDate end = LocalDate.of(2028, 1, 15);
        fixture.givenNoPriorActivity()
               .when(new StartSubscription(ID, null, BASIC, PaymentFrequency.ANNUAL, 12, null, true, TODAY, AS_OWNER))
               .expectEvents(new SubscriptionStarted(ID, OWNER, BASIC, "Basic", PaymentFrequency.ANNUAL, 12,
                                                     Money.of("6480", "USD"), SubscriptionStatus.ACTIVE, TODAY, end,
                                                     true, OWNER),
                             invoice(1, BASIC, TODAY, end, "6480"));
    }

    @Test
    void aTrialRunsToItsEndDateWithoutAnInvoice() {
        LocalDate end = TODAY.plusDays(14);
        fixture.givenNoPriorActivity()
               .when(start(BASIC, 10, end, AS_OWNER))
               .expectEvents(trial(TODAY, end, true));
        fixture.givenNoPriorActivity()
               .when(start(BASIC, 10, TODAY.plusDays(91), AS_OWNER))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void moreUnitsThanThePlanTakesAreRefusedAtTheStartAndOnAChange() {
        fixture.givenNoPriorActivity()
               .when(start(BASIC, 21, null, AS_OWNER))
               .expectNoEvents().expectExceptionMessage("the plan Basic takes at most 20 units");
        fixture.given(paidFromTheFifteenth())
               .when(new ChangeSubscription(ID, null, 21, TODAY, AS_OWNER, null))
               .expectNoEvents().expectExceptionMessage("the plan Basic takes at most 20 units");
    }

    @Test
    void aPlanOffTheMarketIsRefusedToNewSubscribers() {
        fixture.givenNoPriorActivity()
               .when(start(RETIRED, 3, null, AS_OWNER))
               .expectNoEvents().expectException(DomainRuleViolation.class)
               .expectExceptionMessage("plan " + RETIRED + " is no longer offered");
    }

    @Test
    void anAccountHasOneSubscription() {
        subscribers.put(OWNER, SubscriptionId.random());
        fixture.givenNoPriorActivity()
               .when(start(BASIC, 3, null, AS_OWNER))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void ownersSubscribeThemselvesAndAdminsOnlyCustomers() {
        fixture.givenNoPriorActivity()
               .when(new StartSubscription(ID, OWNER, BASIC, null, 3, null, true, TODAY,
                                           new Actor(UserId.random(), Role.OWNER)))
               .expectNoEvents().expectException(NotPermitted.class);
        fixture.givenNoPriorActivity()
               .when(new StartSubscription(ID, null, BASIC, null, 3, null, true, TODAY,
                                           new Actor(UserId.random(), Role.TENANT)))
               .expectNoEvents().expectException(NotPermitted.class);
        fixture.givenNoPriorActivity()
               .when(new StartSubscription(ID, UserId.random(), BASIC, null, 3, null, true, TODAY, ADMIN))
               .expectNoEvents().expectExceptionMessage("only an active owner or property manager subscribes");
        fixture.given(paidFromTheFifteenth())
               .when(new ChangeSubscription(ID, GROWTH, null, TODAY, new Actor(UserId.random(), Role.OWNER), null))
               .expectNoEvents().expectException(NotPermitted.class);
    }

    @Test
    void anUpgradeAcrossAMonthEndChargesTheDaysLeftOfTheThirtyOne() {
        LocalDate lastOfJanuary = LocalDate.of(2027, 1, 31);
        // 500 → 750 a month (15 units × 50); 15 of the period's 31 days are left: 250 × 15 / 31 = 120.97
        fixture.given(paidFromTheFifteenth())
               .when(new ChangeSubscription(ID, GROWTH, 15, lastOfJanuary, AS_OWNER, null))
               .expectEvents(new SubscriptionChanged(ID, OWNER, BASIC, GROWTH, "Growth", 15, Money.of("750", "USD"),
                                                     lastOfJanuary, Money.of("120.97", "USD"), OWNER));
    }

    @Test
    void aDowngradeOn29FebruaryCreditsTheDaysLeftOfALeapFebruary() {
        LocalDate start = LocalDate.of(2028, 2, 10);
        LocalDate end = LocalDate.of(2028, 3, 10);
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        // 750 → 500 a month; the period has 29 days (a leap February) and 10 are left: −250 × 10 / 29 = −86.21
        fixture.given(started(GROWTH, "Growth", 15, "750", start, end), invoice(1, GROWTH, start, end, "750"))
               .when(new ChangeSubscription(ID, null, 4, leapDay, AS_OWNER, null))
               .expectEvents(new SubscriptionChanged(ID, OWNER, GROWTH, GROWTH, "Growth", 4, Money.of("500", "USD"),
                                                     leapDay, Money.of("-86.21", "USD"), OWNER));
    }

    @Test
    void aChangeDuringATrialCostsNothingAndTheSameChangeAgainIsNone() {
        fixture.given(trial(TODAY, TODAY.plusDays(14), true))
               .when(new ChangeSubscription(ID, GROWTH, 15, TODAY.plusDays(3), AS_OWNER, null))
               .expectEvents(new SubscriptionChanged(ID, OWNER, BASIC, GROWTH, "Growth", 15, Money.of("750", "USD"),
                                                     TODAY.plusDays(3), Money.of("0", "USD"), OWNER));
        fixture.given(paidFromTheFifteenth())
               .when(new ChangeSubscription(ID, BASIC, 10, TODAY, AS_OWNER, null))
               .expectNoEvents();
    }

    @Test
    void cancellingNowEndsItAndCreditsTheDaysLeft() {
        LocalDate day = LocalDate.of(2027, 2, 5);
        // 10 of 31 days left: −500 × 10 / 31 = −161.29
        fixture.given(paidFromTheFifteenth())
               .when(new CancelSubscription(ID, false, "moving away", day, AS_OWNER, null))
               .expectEvents(new SubscriptionCancelled(ID, OWNER, "moving away", false, day,
                                                       Money.of("-161.29", "USD"), OWNER));
        fixture.given(paidFromTheFifteenth())
               .andGiven(new SubscriptionCancelled(ID, OWNER, null, false, day, Money.of("-161.29", "USD"), OWNER))
               .when(new CancelSubscription(ID, false, null, day, AS_OWNER, null))
               .expectNoEvents();
    }

    @Test
    void cancellingAtThePeriodsEndKeepsItUntilThenAndTheRenewalEndsItAsCancelled() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        fixture.given(paidFromTheFifteenth())
               .when(new CancelSubscription(ID, true, "too dear", TODAY.plusDays(2), AS_OWNER, null))
               .expectEvents(new SubscriptionCancelled(ID, OWNER, "too dear", true, end, Money.of("0", "USD"), OWNER));
        fixture.given(paidFromTheFifteenth())
               .andGiven(new SubscriptionCancelled(ID, OWNER, "too dear", true, end, Money.of("0", "USD"), OWNER))
               .when(new RenewSubscription(ID, end))
               .expectEvents(new SubscriptionEnded(ID, OWNER, BASIC, SubscriptionStatus.CANCELLED, end, false));
    }

    @Test
    void atThePeriodsEndItRenewsAtThePlansCurrentPriceAndInvoicesTheNextPeriod() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        LocalDate next = LocalDate.of(2027, 3, 15);
        // Revised to a minimum of 520 and then taken off the market: its subscribers renew, at the new price.
        PlanTerms revised = new PlanTerms("Basic", null, Money.of("50", "USD"), Money.of("520", "USD"), 20, false,
                                          new BigDecimal("10"), List.of());
        plans.put(BASIC, new PlanCatalog.Offer(BASIC, revised, false));
        fixture.given(paidFromTheFifteenth())
               .when(new RenewSubscription(ID, end))
               .expectEvents(new SubscriptionRenewed(ID, OWNER, BASIC, 10, Money.of("520", "USD"), end, next, false),
                             invoice(2, BASIC, end, next, "520"));
    }

    @Test
    void aRenewalBeforeThePeriodsEndOrOfAPeriodAlreadyRenewedChangesNothing() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        LocalDate next = LocalDate.of(2027, 3, 15);
        fixture.given(paidFromTheFifteenth())
               .when(new RenewSubscription(ID, end.minusDays(1)))
               .expectNoEvents();
        fixture.given(paidFromTheFifteenth())
               .andGiven(new SubscriptionRenewed(ID, OWNER, BASIC, 10, Money.of("500", "USD"), end, next, false),
                         invoice(2, BASIC, end, next, "500"))
               .when(new RenewSubscription(ID, end))
               .expectNoEvents();
    }

    @Test
    void aTrialConvertsToAPaidPeriodFromItsEndDateWhenItAutoRenews() {
        LocalDate end = TODAY.plusDays(14);
        fixture.given(trial(TODAY, end, true))
               .when(new RenewSubscription(ID, end.plusDays(2)))
               .expectEvents(new SubscriptionRenewed(ID, OWNER, BASIC, 10, Money.of("500", "USD"), end,
                                                     end.plusMonths(1), true),
                             invoice(1, BASIC, end, end.plusMonths(1), "500"));
    }

    @Test
    void withoutAutoRenewalItExpiresAtThePeriodsEnd() {
        LocalDate end = TODAY.plusDays(14);
        fixture.given(trial(TODAY, end, false))
               .when(new RenewSubscription(ID, end))
               .expectEvents(new SubscriptionEnded(ID, OWNER, BASIC, SubscriptionStatus.EXPIRED, end, true));
    }

    @Test
    void anExpiredSubscriptionIsReactivatedWithANewPaidPeriodFromToday() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        LocalDate later = LocalDate.of(2027, 4, 2);
        fixture.given(paidFromTheFifteenth())
               .andGiven(new SubscriptionEnded(ID, OWNER, BASIC, SubscriptionStatus.EXPIRED, end, false))
               .when(new ReactivateSubscription(ID, later, AS_OWNER, null))
               .expectEvents(new SubscriptionReactivated(ID, OWNER, BASIC, "Basic", 10, Money.of("500", "USD"), later,
                                                         LocalDate.of(2027, 5, 2), OWNER),
                             invoice(2, BASIC, later, LocalDate.of(2027, 5, 2), "500"));
        fixture.given(paidFromTheFifteenth())
               .when(new ReactivateSubscription(ID, TODAY, AS_OWNER, null))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void anEndedSubscriptionIsNotChanged() {
        LocalDate end = LocalDate.of(2027, 2, 15);
        fixture.given(paidFromTheFifteenth())
               .andGiven(new SubscriptionEnded(ID, OWNER, BASIC, SubscriptionStatus.EXPIRED, end, false))
               .when(new ChangeSubscription(ID, GROWTH, null, end.plusDays(1), AS_OWNER, null))
               .expectNoEvents().expectExceptionMessage("the subscription is expired; reactivate it first");
    }

    static final PlanId LITE = PlanId.random();
    static final UUID RECOMMENDATION = UUID.randomUUID();

    static PlanTerms withProperties(String name, String perUnit, int properties) {
        return new PlanTerms(name, null, Money.of(perUnit, "USD"), Money.of("300", "USD"), 100, false,
                             new BigDecimal("10"), List.of(new PlanFeature("properties", true, properties),
                                                           new PlanFeature("units", true, null)));
    }

    /** For 10 units: Lite 300 a month (3 properties), Basic 500 (10 properties), Growth 800 (50 properties). */
    void catalogWithLite() {
        plans.put(BASIC, new PlanCatalog.Offer(BASIC, withProperties("Basic", "50", 10), true));
        plans.put(GROWTH, new PlanCatalog.Offer(GROWTH, withProperties("Growth", "80", 50), true));
        plans.put(LITE, new PlanCatalog.Offer(LITE, withProperties("Lite", "30", 3), true));
    }

    @Test
    void theRecommendationIsTheCheapestPlanThatFitsTheUnitsAndUsageWithTheSavingAndAnExpiry() {
        catalogWithLite();
        usage.put("properties", 2L);
        usage.put("units", 10L);
        fixture.given(paidFromTheFifteenth())
               .when(new RecommendPlan(ID, RECOMMENDATION, TODAY.plusDays(1), AS_OWNER))
               .expectEvents(new PlanRecommended(
                       ID, OWNER, RECOMMENDATION, BASIC, LITE, "Lite",
                       "Cheapest fitting plan: Lite takes 10 units and your usage (2 properties, 10 units) for "
                               + "300.00 USD a month against 500.00 USD on Basic",
                       Money.of("500", "USD"), Money.of("300", "USD"), Money.of("200", "USD"), TODAY.plusDays(1),
                       TODAY.plusDays(8), OWNER));
    }

    @Test
    void aReachedLimitMakesTheRecommendationAPlanWithRoomEvenIfItCostsMore() {
        catalogWithLite();
        usage.put("properties", 10L);
        // Basic's limit of 10 is reached and Lite takes 3: Growth, 300 a month more
        fixture.given(paidFromTheFifteenth())
               .when(new RecommendPlan(ID, RECOMMENDATION, TODAY, AS_OWNER))
               .expectEvents(new PlanRecommended(
                       ID, OWNER, RECOMMENDATION, BASIC, GROWTH, "Growth",
                       "Cheapest fitting plan: Growth takes 10 units and your usage (10 properties) for "
                               + "800.00 USD a month against 500.00 USD on Basic",
                       Money.of("500", "USD"), Money.of("800", "USD"), Money.of("-300", "USD"), TODAY,
                       TODAY.plusDays(7), OWNER));
    }

    @Test
    void whenTheCurrentPlanIsTheCheapestThatFitsThereIsNoRecommendation() {
        usage.put("properties", 2L);
        fixture.given(paidFromTheFifteenth())
               .when(new RecommendPlan(ID, RECOMMENDATION, TODAY, AS_OWNER))
               .expectNoEvents().expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the current plan is the cheapest that fits");
    }

    @Test
    void applyingARecommendationIsAPlanChangeOnceAndNotAfterItExpired() {
        catalogWithLite();
        PlanRecommended recommended = new PlanRecommended(
                ID, OWNER, RECOMMENDATION, BASIC, LITE, "Lite", "cheaper", Money.of("500", "USD"),
                Money.of("300", "USD"), Money.of("200", "USD"), TODAY, TODAY.plusDays(7), OWNER);
        LocalDate day = LocalDate.of(2027, 1, 20);
        // 26 of 31 days left: −200 × 26 / 31 = −167.74
        fixture.given(paidFromTheFifteenth())
               .andGiven(recommended)
               .when(new ApplyRecommendation(ID, RECOMMENDATION, day, AS_OWNER, null))
               .expectEvents(new SubscriptionChanged(ID, OWNER, BASIC, LITE, "Lite", 10, Money.of("300", "USD"), day,
                                                     Money.of("-167.74", "USD"), OWNER),
                             new RecommendationApplied(ID, OWNER, RECOMMENDATION, day, OWNER));
        fixture.given(paidFromTheFifteenth())
               .andGiven(recommended, new RecommendationApplied(ID, OWNER, RECOMMENDATION, day, OWNER))
               .when(new ApplyRecommendation(ID, RECOMMENDATION, day, AS_OWNER, null))
               .expectNoEvents();
        fixture.given(paidFromTheFifteenth())
               .andGiven(recommended)
               .when(new ApplyRecommendation(ID, RECOMMENDATION, TODAY.plusDays(7), AS_OWNER, null))
               .expectNoEvents().expectExceptionMessage("the recommendation expired on " + TODAY.plusDays(7));
        fixture.given(paidFromTheFifteenth())
               .when(new ApplyRecommendation(ID, UUID.randomUUID(), day, AS_OWNER, null))
               .expectNoEvents().expectException(NotFound.class);
    }
}
