package io.alter8.command.subscription;

import io.alter8.api.common.Money;
import io.alter8.api.common.PlanId;
import io.alter8.api.common.UserId;
import io.alter8.api.subscription.DeactivatePlan;
import io.alter8.api.subscription.DefinePlan;
import io.alter8.api.subscription.PaymentFrequency;
import io.alter8.api.subscription.PlanDeactivated;
import io.alter8.api.subscription.PlanDefined;
import io.alter8.api.subscription.PlanFeature;
import io.alter8.api.subscription.PlanRevised;
import io.alter8.api.subscription.PlanTerms;
import io.alter8.api.subscription.RevisePlan;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotPermitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan catalog's rules, and the prices a plan's terms give. */
class PlanTest {

    static final PlanId ID = PlanId.random();
    static final Actor ADMIN = new Actor(UserId.random(), Role.ADMIN);

    FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource((FeatureCatalog) Set.of("properties", "units", "hud_programmes")::contains);
    }

    /** 50 a unit a month, at least 500, at most 100 units, 10 % off a year paid at once. */
    static PlanTerms terms(String perUnit) {
        return new PlanTerms("Growth", "For growing portfolios", Money.of(perUnit, "USD"), Money.of("500", "USD"), 100,
                             false, new BigDecimal("10"),
                             List.of(new PlanFeature("properties", true, 20), new PlanFeature("units", true, 100),
                                     new PlanFeature("hud_programmes", true, null)));
    }

    @Test
    void anAdminDefinesAPlanAndDefiningItAgainChangesNothing() {
        fixture.givenNoPriorActivity()
               .when(new DefinePlan(ID, terms("50"), ADMIN))
               .expectEvents(new PlanDefined(ID, terms("50"), ADMIN.userId()));
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()))
               .when(new DefinePlan(ID, terms("50"), ADMIN))
               .expectNoEvents();
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()))
               .when(new DefinePlan(ID, terms("60"), ADMIN))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void onlyAdminsManageTheCatalog() {
        fixture.givenNoPriorActivity()
               .when(new DefinePlan(ID, terms("50"), new Actor(UserId.random(), Role.OWNER)))
               .expectNoEvents().expectException(NotPermitted.class);
    }

    @Test
    void aPlanNamesOnlyFeaturesOfTheCatalogEachOnceInOneCurrency() {
        PlanTerms unknown = new PlanTerms("X", null, Money.of("1", "USD"), Money.of("1", "USD"), null, false, null,
                                          List.of(new PlanFeature("teleportation", true, null)));
        fixture.givenNoPriorActivity().when(new DefinePlan(ID, unknown, ADMIN))
               .expectNoEvents().expectExceptionMessage("teleportation is not in the feature catalog");
        PlanTerms twice = new PlanTerms("X", null, Money.of("1", "USD"), Money.of("1", "USD"), null, false, null,
                                        List.of(new PlanFeature("units", true, 1), new PlanFeature("units", true, 2)));
        fixture.givenNoPriorActivity().when(new DefinePlan(ID, twice, ADMIN))
               .expectNoEvents().expectExceptionMessage("the plan names units twice");
        PlanTerms mixed = new PlanTerms("X", null, Money.of("1", "USD"), Money.of("1", "INR"), null, false, null,
                                        List.of());
        fixture.givenNoPriorActivity().when(new DefinePlan(ID, mixed, ADMIN))
               .expectNoEvents().expectException(DomainRuleViolation.class);
    }

    @Test
    void aRevisionReplacesTheTermsButKeepsTheCurrency() {
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()))
               .when(new RevisePlan(ID, terms("55"), ADMIN, null))
               .expectEvents(new PlanRevised(ID, terms("55"), ADMIN.userId()));
        PlanTerms rupees = new PlanTerms("Growth", null, Money.of("50", "INR"), Money.of("500", "INR"), 100, false,
                                         null, List.of());
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()))
               .when(new RevisePlan(ID, rupees, ADMIN, null))
               .expectNoEvents().expectExceptionMessage("a plan keeps its currency, USD");
    }

    @Test
    void deactivatingTakesThePlanOffTheMarketOnce() {
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()))
               .when(new DeactivatePlan(ID, ADMIN, null))
               .expectEvents(new PlanDeactivated(ID, ADMIN.userId()))
               .expectState(plan -> assertThat(plan.offer().active()).isFalse());
        fixture.given(new PlanDefined(ID, terms("50"), ADMIN.userId()), new PlanDeactivated(ID, ADMIN.userId()))
               .when(new DeactivatePlan(ID, ADMIN, null))
               .expectNoEvents();
    }

    @Test
    void thePriceIsTheMinimumOrUnitsTimesThePricePerUnitWhicheverIsMore() {
        PlanTerms plan = terms("50");
        assertThat(plan.priceFor(4, PaymentFrequency.MONTHLY)).isEqualTo(Money.of("500.00", "USD"));
        assertThat(plan.priceFor(10, PaymentFrequency.MONTHLY)).isEqualTo(Money.of("500.00", "USD"));
        assertThat(plan.priceFor(11, PaymentFrequency.MONTHLY)).isEqualTo(Money.of("550.00", "USD"));
        assertThat(plan.priceFor(0, PaymentFrequency.MONTHLY)).isEqualTo(Money.of("500.00", "USD"));
    }

    @Test
    void theAnnualPriceIsTwelveMonthsLessTheDiscount() {
        PlanTerms plan = terms("50");
        // 12 × 550 = 6,600, less 10 % = 5,940
        assertThat(plan.priceFor(11, PaymentFrequency.ANNUAL)).isEqualTo(Money.of("5940.00", "USD"));
        PlanTerms odd = new PlanTerms("Odd", null, Money.of("9.99", "USD"), Money.of("1", "USD"), null, false,
                                      new BigDecimal("12.5"), List.of());
        // 12 × 29.97 = 359.64, less 12.5 % = 314.685, rounded half up
        assertThat(odd.priceFor(3, PaymentFrequency.ANNUAL)).isEqualTo(Money.of("314.69", "USD"));
    }

    @Test
    void theMaximumUnitsBoundWhatFits() {
        assertThat(terms("50").fits(100)).isTrue();
        assertThat(terms("50").fits(101)).isFalse();
    }
}
