package io.alter8.command.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.RegisterProperty;
import io.alter8.command.DomainRuleViolation;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class PropertyTest {

    private static final PropertyId ID = PropertyId.random();
    private static final Address ADDRESS =
            new Address("12 MG Road", null, "Bengaluru", "Karnataka", "560001", "IN");
    private static final Money RENT = Money.of("25000", "INR");

    private AggregateTestFixture<Property> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Property.class);
    }

    private static RegisterProperty register(String title, Money rent, String bathrooms) {
        return new RegisterProperty(ID, title, "Bright flat near the metro", PropertyType.APARTMENT, ADDRESS,
                                    new GeoPoint(12.9716, 77.5946), 2, new BigDecimal(bathrooms), rent);
    }

    private static PropertyRegistered registered() {
        return new PropertyRegistered(ID, "2BHK in Indiranagar", "Bright flat near the metro", PropertyType.APARTMENT,
                                      ADDRESS, new GeoPoint(12.9716, 77.5946), 2, new BigDecimal("1.5"), RENT);
    }

    @Test
    void registersAProperty() {
        fixture.givenNoPriorActivity()
               .when(register("2BHK in Indiranagar", RENT, "1.5"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered());
    }

    @Test
    void registeringTheSameIdWithTheSameDetailsAgainChangesNothing() {
        fixture.given(registered())
               .when(register("2BHK in Indiranagar", RENT, "1.5"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRegisterTheSameIdWithOtherDetails() {
        fixture.given(registered())
               .when(register("Another title", RENT, "1.5"))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("property " + ID + " is already registered with other details");
    }

    @Test
    void cannotRegisterWithoutRent() {
        fixture.givenNoPriorActivity()
               .when(register("2BHK", Money.of("0", "INR"), "1"))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("monthly rent must be more than zero");
    }

    @Test
    void cannotRegisterQuarterBathrooms() {
        fixture.givenNoPriorActivity()
               .when(register("2BHK", RENT, "1.25"))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotRegisterWithoutTitle() {
        fixture.givenNoPriorActivity()
               .when(register("  ", RENT, "1"))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("title is required");
    }

    @Test
    void changesTheMonthlyRent() {
        Money newRent = Money.of("27500.00", "INR");
        fixture.given(registered())
               .when(new ChangeMonthlyRent(ID, newRent, null))
               .expectEvents(new MonthlyRentChanged(ID, RENT, newRent));
    }

    @Test
    void settingTheSameRentChangesNothing() {
        fixture.given(registered())
               .when(new ChangeMonthlyRent(ID, Money.of("25000.00", "INR"), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotChangeTheRentToAnotherCurrency() {
        fixture.given(registered())
               .when(new ChangeMonthlyRent(ID, Money.of("300", "USD"), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the rent of this property is in INR");
    }

    @Test
    void cannotChangeTheRentFromAStaleVersion() {
        Money rent2 = Money.of("26000", "INR");
        fixture.given(registered(), new MonthlyRentChanged(ID, RENT, rent2))
               .when(new ChangeMonthlyRent(ID, Money.of("27000", "INR"), 0L))
               .expectNoEvents()
               .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void changesTheRentWhenTheExpectedVersionIsCurrent() {
        Money rent2 = Money.of("26000", "INR");
        Money rent3 = Money.of("27000", "INR");
        fixture.given(registered(), new MonthlyRentChanged(ID, RENT, rent2))
               .when(new ChangeMonthlyRent(ID, rent3, 1L))
               .expectEvents(new MonthlyRentChanged(ID, rent2, rent3));
    }
}
