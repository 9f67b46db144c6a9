package io.alter8.command.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.LeaseId;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.property.AddUnit;
import io.alter8.api.property.AmenitiesChanged;
import io.alter8.api.property.AssignListingAgent;
import io.alter8.api.property.AssignPropertyManager;
import io.alter8.api.property.ChangeAmenities;
import io.alter8.api.property.ChangeListingStatus;
import io.alter8.api.property.ChangeMonthlyRent;
import io.alter8.api.property.ChangePropertyStatus;
import io.alter8.api.property.ChangeRentalTerms;
import io.alter8.api.property.FurnishingStatus;
import io.alter8.api.property.HudApproval;
import io.alter8.api.property.HudApprovalRecorded;
import io.alter8.api.property.ImportProperty;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.api.property.ListingSeo;
import io.alter8.api.property.ListingStatus;
import io.alter8.api.property.HandOverUnit;
import io.alter8.api.property.ListingStatusChanged;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.OccupyUnit;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyDetailsRevised;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertyManagerChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyReviewed;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.PropertyStatus;
import io.alter8.api.property.PropertyStatusChanged;
import io.alter8.api.property.PropertyType;
import io.alter8.api.property.PropertyVerificationChanged;
import io.alter8.api.property.PropertyVerificationStatus;
import io.alter8.api.property.RecordHudApproval;
import io.alter8.api.property.RecordVerificationOutcome;
import io.alter8.api.property.RegisterProperty;
import io.alter8.api.property.RemoveUnit;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.RentalTermsChanged;
import io.alter8.api.property.ReviewProperty;
import io.alter8.api.property.RevisePropertyDetails;
import io.alter8.api.property.ReviseUnit;
import io.alter8.api.property.TenantPreferences;
import io.alter8.api.property.UnitAdded;
import io.alter8.api.property.UnitOccupied;
import io.alter8.api.property.UnitRemoved;
import io.alter8.api.property.UnitRevised;
import io.alter8.api.property.UnitSpec;
import io.alter8.api.property.UnitVacated;
import io.alter8.api.property.VacateUnit;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.api.verification.PropertyVerificationRequested;
import io.alter8.api.verification.RequestPropertyVerification;
import io.alter8.api.verification.VerificationType;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.user.Mandates;
import io.alter8.command.user.UserRoles;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyTest {

    static final PropertyId ID = PropertyId.random();
    static final UserId OWNER = UserId.random();
    static final UserId AGENT = UserId.random();
    static final UserId MANAGER = UserId.random();
    static final UserId TENANT = UserId.random();
    static final Actor OWNER_ACTS = new Actor(OWNER, Role.OWNER);
    static final Actor ADMIN_ACTS = new Actor(UserId.random(), Role.ADMIN);
    static final Actor AGENT_ACTS = new Actor(AGENT, Role.AGENT);
    static final Actor MANAGER_ACTS = new Actor(MANAGER, Role.PROPERTY_MANAGER);
    static final Actor OTHER_OWNER_ACTS = new Actor(UserId.random(), Role.OWNER);
    static final String TITLE = "2BHK in Koramangala";
    static final String SLUG = "2bhk-in-koramangala";
    static final Money RENT = Money.of("25000", "INR");
    static final PropertySpecs SPECS = specs(2, "1.5", 3, 5);
    static final PropertyLocation LOCATION = location("IN", "Bangalore", "Karnataka", 12.9352, 77.6245);
    static final RentalTerms TERMS = new RentalTerms(RENT, Money.of("100000", "INR"), Money.of("2000", "INR"), null,
                                                     LocalDate.of(2026, 12, 1), 11);
    static final List<PropertyAmenity> AMENITIES = List.of(new PropertyAmenity("gym", null, true, null));
    static final UnitSpec UNIT_1 = new UnitSpec("1", 2, new BigDecimal("1.5"), new BigDecimal("1100.00"), RENT,
                                                Map.of(), List.of());
    static final UnitId UNIT_1_ID = Property.registeredUnitId(ID, UNIT_1);
    static final LeaseId LEASE = LeaseId.random();

    /** The master data the aggregate asks: who is an active owner, agent or manager; who holds which slug. */
    final Map<UserId, Role> activeUsers = new HashMap<>(Map.of(OWNER, Role.OWNER, AGENT, Role.AGENT,
                                                               MANAGER, Role.PROPERTY_MANAGER));
    final Map<String, PropertyId> slugs = new HashMap<>();
    /** Which managers each owner gave a mandate, as the owners' accounts would answer. */
    final Map<UserId, Set<UserId>> mandates = new HashMap<>(Map.of(OWNER, Set.of(MANAGER)));
    FixtureConfiguration<Property> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Property.class);
        fixture.registerInjectableResource((UserRoles) (user, role) -> activeUsers.get(user) == role);
        fixture.registerInjectableResource((SlugRegistry) slug -> Optional.ofNullable(slugs.get(slug)));
        fixture.registerInjectableResource(
                (Mandates) (manager, owner) -> mandates.getOrDefault(owner, Set.of()).contains(manager));
    }

    static PropertySpecs specs(int bedrooms, String bathrooms, Integer floor, Integer totalFloors) {
        return new PropertySpecs("2bhk", new BigDecimal("950.00"), new BigDecimal("1100.00"), null, null, bedrooms,
                                 new BigDecimal(bathrooms), 1, 1, floor, totalFloors, FurnishingStatus.SEMI_FURNISHED,
                                 4, 2022);
    }

    static PropertyLocation location(String country, String city, String state, double lat, double lon) {
        return new PropertyLocation(new Address("12 80 Feet Road", null, city, state,
                                                country.equals("IN") ? "560034" : "02116", country),
                                    "Near Forum Mall", country.equals("IN") ? "Koramangala" : null,
                                    new GeoPoint(lat, lon), 10);
    }

    static RegisterProperty register(PropertyType type, PropertySpecs specs, PropertyLocation location,
                                     RentalTerms terms, List<UnitSpec> units, UserId owner, Actor by) {
        return new RegisterProperty(ID, owner, TITLE, "Sunny, near the park", type, specs, location, terms,
                                    TenantPreferences.none(), null, MarketData.none(), AMENITIES, units, by);
    }

    static RegisterProperty register() {
        return register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), null, OWNER_ACTS);
    }

    static RegisterProperty withTerms(RentalTerms terms) {
        return register(PropertyType.APARTMENT, SPECS, LOCATION, terms, List.of(), null, OWNER_ACTS);
    }

    static RegisterProperty withSpecs(PropertySpecs specs) {
        return register(PropertyType.APARTMENT, specs, LOCATION, TERMS, List.of(), null, OWNER_ACTS);
    }

    static PropertyRegistered registered(PropertyType type, String slug, UserId registeredBy) {
        return new PropertyRegistered(ID, OWNER, TITLE, "Sunny, near the park", type, SPECS, LOCATION, TERMS,
                                      TenantPreferences.none(), new ListingSeo(slug, null, null), MarketData.none(),
                                      AMENITIES, registeredBy);
    }

    static PropertyRegistered registered() {
        return registered(PropertyType.APARTMENT, SLUG, OWNER);
    }

    static UnitAdded unit1Added() {
        return new UnitAdded(ID, UNIT_1_ID, UNIT_1);
    }

    static UnitSpec unit(String number) {
        return new UnitSpec(number, 1, BigDecimal.ONE, new BigDecimal("500"), Money.of("15000", "INR"), Map.of(),
                            List.of("parking"));
    }

    /** A multi-family building with units 1 and 2. */
    static Object[] building() {
        PropertyRegistered registered = registered(PropertyType.MULTI_FAMILY, SLUG, OWNER);
        return new Object[]{registered, new UnitAdded(ID, Property.registeredUnitId(ID, unit("1")), unit("1")),
                new UnitAdded(ID, Property.registeredUnitId(ID, unit("2")), unit("2"))};
    }

    static UnitId buildingUnit(String number) {
        return Property.registeredUnitId(ID, unit(number));
    }

    static PropertyStatusChanged moved(PropertyStatus from, PropertyStatus to) {
        return new PropertyStatusChanged(ID, from, to, null, OWNER);
    }

    static PropertyVerificationChanged verified() {
        return new PropertyVerificationChanged(ID, PropertyVerificationStatus.VERIFIED, null, ADMIN_ACTS.userId(),
                                               null);
    }

    static ListingStatusChanged listed(ListingStatus from, ListingStatus to, UserId by) {
        return new ListingStatusChanged(ID, from, to, by);
    }

    /** Registered, verified, active and public. */
    static List<Object> publicListing() {
        return List.of(registered(), unit1Added(), verified(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                       listed(ListingStatus.PRIVATE, ListingStatus.PUBLIC, OWNER));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    // ------------------------------------------------------------------------------------------------ registration

    @Test
    void anOwnerRegistersAPropertyWithOneUnitMadeFromItsSpecsAndRent() {
        fixture.givenNoPriorActivity()
               .when(register())
               .expectSuccessfulHandlerExecution()
               .expectEvents(registered(), unit1Added());
    }

    @Test
    void registeringTheSameIdWithTheSameContentAgainChangesNothing() {
        slugs.put(SLUG, ID);
        fixture.given(registered(), unit1Added())
               .when(register())
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRegisterTheSameIdWithOtherContent() {
        fixture.given(registered(), unit1Added())
               .when(withTerms(TERMS.withMonthlyRent(Money.of("26000", "INR"))))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("property " + ID + " is already registered with other details");
    }

    @Test
    void anOwnerRegistersOnlyForThemselves() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), UserId.random(), OWNER_ACTS))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void anAdminRegistersForANamedActiveOwner() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), OWNER, ADMIN_ACTS))
               .expectEvents(registered(PropertyType.APARTMENT, SLUG, ADMIN_ACTS.userId()), unit1Added());
    }

    @Test
    void anAdminMustNameTheOwner() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), null, ADMIN_ACTS))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("ownerId is required when an admin or property manager registers");
    }

    @Test
    void theNamedOwnerMustBeAnActiveOwner() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), AGENT, ADMIN_ACTS))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("ownerId must name an active owner");
    }

    @Test
    void aPropertyManagerWhoRegistersForAnOwnerBecomesItsManager() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), OWNER, MANAGER_ACTS))
               .expectEvents(registered(PropertyType.APARTMENT, SLUG, MANAGER), unit1Added(),
                             new PropertyManagerChanged(ID, null, MANAGER, MANAGER));
    }

    /** The attack: a self-registered manager registers in the name of an owner who never chose them. */
    @Test
    void aPropertyManagerCannotRegisterForAnOwnerWithoutTheirMandate() {
        UserId stranger = UserId.random();
        activeUsers.put(stranger, Role.OWNER);
        Actor otherManager = new Actor(UserId.random(), Role.PROPERTY_MANAGER);
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), stranger, MANAGER_ACTS))
               .expectNoEvents()
               .expectException(NotPermitted.class)
               .expectExceptionMessage("a property manager registers properties only for owners who gave them a "
                                               + "mandate");
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), OWNER, otherManager))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void agentsAndTenantsDoNotRegisterProperties() {
        for (Actor someone : List.of(AGENT_ACTS, new Actor(TENANT, Role.TENANT))) {
            fixture.givenNoPriorActivity()
                   .when(register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), OWNER, someone))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
    }

    @Test
    void cannotRegisterWithoutTitle() {
        RegisterProperty untitled = new RegisterProperty(ID, null, " ", null, PropertyType.APARTMENT, SPECS, LOCATION,
                                                         TERMS, null, null, null, List.of(), List.of(), OWNER_ACTS);
        fixture.givenNoPriorActivity()
               .when(untitled)
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("title is required");
    }

    @Test
    void theRentMustBeMoreThanZero() {
        fixture.givenNoPriorActivity()
               .when(withTerms(TERMS.withMonthlyRent(Money.of("0", "INR"))))
               .expectNoEvents()
               .expectExceptionMessage("monthly rent must be more than zero");
    }

    @Test
    void theDepositIsAtMostTwelveMonthsRent() {
        fixture.givenNoPriorActivity()
               .when(withTerms(new RentalTerms(RENT, Money.of("300001", "INR"), null, null, null, 12)))
               .expectNoEvents()
               .expectExceptionMessage("the security deposit is at most 12 months' rent");
    }

    @Test
    void allMoneyOfAPropertyIsInTheRentsCurrency() {
        fixture.givenNoPriorActivity()
               .when(withTerms(new RentalTerms(RENT, Money.of("1000", "USD"), null, null, null, 12)))
               .expectNoEvents()
               .expectExceptionMessage("the security deposit must be in INR, the currency of the rent");
        UnitSpec dollars = new UnitSpec("1", 1, BigDecimal.ONE, null, Money.of("900", "USD"), Map.of(), List.of());
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.MULTI_FAMILY, SPECS, LOCATION, TERMS, List.of(dollars), null, OWNER_ACTS))
               .expectNoEvents()
               .expectExceptionMessage("a unit's rent must be in INR, the currency of the rent");
    }

    @Test
    void bathroomsComeInHalvesForPropertiesAndUnits() {
        fixture.givenNoPriorActivity()
               .when(withSpecs(specs(2, "1.25", null, null)))
               .expectNoEvents()
               .expectExceptionMessage("bathrooms come in halves (1, 1.5, 2 …)");
        UnitSpec quarter = new UnitSpec("1", 1, new BigDecimal("0.75"), null, RENT, Map.of(), List.of());
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.PG, SPECS, LOCATION, TERMS, List.of(quarter), null, OWNER_ACTS))
               .expectNoEvents()
               .expectExceptionMessage("bathrooms come in halves (1, 1.5, 2 …)");
    }

    @Test
    void coordinatesMustLieInTheCountry() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, location("IN", "Bangalore", "Karnataka", 40.7, 77.6),
                              TERMS, List.of(), null, OWNER_ACTS))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the coordinates are outside IN");
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.APARTMENT, SPECS, location("US", "Boston", "Massachusetts", 12.9, 77.6),
                              TERMS, List.of(), null, OWNER_ACTS))
               .expectNoEvents()
               .expectExceptionMessage("the coordinates are outside US");
    }

    @Test
    void usCoordinatesMayLieInAlaskaAndHawaii() {
        assertThat(CountryBounds.contains("US", new GeoPoint(61.2181, -149.9003))).as("Anchorage").isTrue();
        assertThat(CountryBounds.contains("US", new GeoPoint(21.3069, -157.8583))).as("Honolulu").isTrue();
        assertThat(CountryBounds.contains("US", new GeoPoint(42.3601, -71.0589))).as("Boston").isTrue();
        assertThat(CountryBounds.contains("US", new GeoPoint(51.5, -0.12))).as("London").isFalse();
    }

    @Test
    void theFloorCannotBeAboveTheTotalFloors() {
        fixture.givenNoPriorActivity()
               .when(withSpecs(specs(2, "1.5", 6, 5)))
               .expectNoEvents()
               .expectExceptionMessage("the floor number cannot be above the total floors");
    }

    @Test
    void theConstructionYearCannotBeInTheFuture() {
        PropertySpecs future = new PropertySpecs(null, null, null, null, null, 2, BigDecimal.ONE, 0, 0, null, null,
                                                 FurnishingStatus.UNFURNISHED, null, 2999);
        fixture.givenNoPriorActivity()
               .when(withSpecs(future))
               .expectNoEvents()
               .expectExceptionMessage("the construction year cannot be in the future");
    }

    @Test
    void aLeaseLastsOneTo120Months() {
        fixture.givenNoPriorActivity()
               .when(withTerms(new RentalTerms(RENT, null, null, null, null, 121)))
               .expectNoEvents()
               .expectExceptionMessage("a lease lasts 1 to 120 months");
        fixture.givenNoPriorActivity()
               .when(withTerms(new RentalTerms(RENT, null, null, null, null, 0)))
               .expectNoEvents()
               .expectExceptionMessage("a lease lasts 1 to 120 months");
    }

    @Test
    void areasMustBeMoreThanZero() {
        PropertySpecs noArea = new PropertySpecs(null, BigDecimal.ZERO, null, null, null, 2, BigDecimal.ONE, 0, 0,
                                                 null, null, FurnishingStatus.UNFURNISHED, null, null);
        fixture.givenNoPriorActivity()
               .when(withSpecs(noArea))
               .expectNoEvents()
               .expectExceptionMessage("carpet area must be more than zero");
    }

    @Test
    void aHouseHasExactlyOneUnit() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.HOUSE, SPECS, LOCATION, TERMS, List.of(unit("1"), unit("2")), null,
                              OWNER_ACTS))
               .expectNoEvents()
               .expectExceptionMessage("a house has exactly one unit");
    }

    @Test
    void aMultiFamilyBuildingRegistersWithItsUnits() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.MULTI_FAMILY, SPECS, LOCATION, TERMS, List.of(unit("1"), unit("2")), null,
                              OWNER_ACTS))
               .expectEvents(building());
    }

    @Test
    void unitNumbersAreUniqueWhateverTheirCase() {
        fixture.givenNoPriorActivity()
               .when(register(PropertyType.MULTI_FAMILY, SPECS, LOCATION, TERMS, List.of(unit("1a"), unit("1A")),
                              null, OWNER_ACTS))
               .expectNoEvents()
               .expectExceptionMessage("unit 1A exists already");
    }

    // ------------------------------------------------------------------------------------------------------- slugs

    @Test
    void aSlugIsMadeFromTheTitleAndTheAreaAndSuffixedWhenTaken() {
        slugs.put(SLUG, PropertyId.random());
        String suffixed = SLUG + "-" + ID.value().toString().substring(0, 8);
        fixture.givenNoPriorActivity()
               .when(register())
               .expectEvents(registered(PropertyType.APARTMENT, suffixed, OWNER), unit1Added());
    }

    @Test
    void aGivenSlugIsKeptAndATakenOneRefused() {
        RegisterProperty named = new RegisterProperty(ID, null, TITLE, "Sunny, near the park", PropertyType.APARTMENT,
                                                      SPECS, LOCATION, TERMS, TenantPreferences.none(),
                                                      new ListingSeo("my-flat", "My flat", null), MarketData.none(),
                                                      AMENITIES, List.of(), OWNER_ACTS);
        fixture.givenNoPriorActivity()
               .when(named)
               .expectEvents(new PropertyRegistered(ID, OWNER, TITLE, "Sunny, near the park", PropertyType.APARTMENT,
                                                    SPECS, LOCATION, TERMS, TenantPreferences.none(),
                                                    new ListingSeo("my-flat", "My flat", null), MarketData.none(),
                                                    AMENITIES, OWNER), unit1Added());
        slugs.put("my-flat", PropertyId.random());
        fixture.givenNoPriorActivity()
               .when(named)
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the slug my-flat is taken by another property");
    }

    @Test
    void revisingDetailsWithoutASlugKeepsTheSlug() {
        PropertySpecs bigger = specs(3, "2", 3, 5);
        fixture.given(registered(), unit1Added())
               .when(new RevisePropertyDetails(ID, "3BHK now", null, PropertyType.APARTMENT, bigger, LOCATION, null,
                                               null, null, OWNER_ACTS, null))
               .expectEvents(new PropertyDetailsRevised(ID, "3BHK now", null, PropertyType.APARTMENT, bigger, LOCATION,
                                                        TenantPreferences.none(), new ListingSeo(SLUG, null, null),
                                                        MarketData.none()));
    }

    @Test
    void revisingToTheSameDetailsChangesNothing() {
        fixture.given(registered(), unit1Added())
               .when(new RevisePropertyDetails(ID, TITLE, "Sunny, near the park", PropertyType.APARTMENT, SPECS,
                                               LOCATION, null, new ListingSeo(null, null, null), null, AGENT_ACTS,
                                               null))
               .expectException(NotFound.class);
        fixture.given(registered(), unit1Added(), new ListingAgentChanged(ID, null, AGENT, OWNER))
               .when(new RevisePropertyDetails(ID, TITLE, "Sunny, near the park", PropertyType.APARTMENT, SPECS,
                                               LOCATION, null, new ListingSeo(null, null, null), null, AGENT_ACTS,
                                               null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aMultiUnitBuildingCannotBecomeAHouse() {
        fixture.given(building())
               .when(new RevisePropertyDetails(ID, TITLE, null, PropertyType.HOUSE, SPECS, LOCATION, null, null, null,
                                               OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a house has exactly one unit");
    }

    // ----------------------------------------------------------------------------------------------------- terms

    @Test
    void theRentOfASingleUnitPropertyIsItsUnitsRent() {
        Money newRent = Money.of("27500.00", "INR");
        fixture.given(registered(), unit1Added())
               .when(new ChangeMonthlyRent(ID, newRent, OWNER_ACTS, null))
               .expectEvents(new MonthlyRentChanged(ID, RENT, newRent),
                             new UnitRevised(ID, UNIT_1_ID, new UnitSpec("1", 2, new BigDecimal("1.5"),
                                                                         new BigDecimal("1100.00"), newRent, Map.of(),
                                                                         List.of())));
    }

    @Test
    void settingTheSameRentChangesNothing() {
        fixture.given(registered(), unit1Added())
               .when(new ChangeMonthlyRent(ID, Money.of("25000.00", "INR"), OWNER_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotChangeTheRentToAnotherCurrency() {
        fixture.given(registered(), unit1Added())
               .when(new ChangeMonthlyRent(ID, Money.of("300", "USD"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("the rent of this property is in INR");
    }

    @Test
    void cannotLowerTheRentBelowATwelfthOfTheDeposit() {
        fixture.given(registered(), unit1Added())
               .when(new ChangeMonthlyRent(ID, Money.of("8000", "INR"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("the security deposit is at most 12 months' rent");
    }

    @Test
    void cannotChangeTheRentFromAStaleVersion() {
        fixture.given(registered(), unit1Added(), new MonthlyRentChanged(ID, RENT, Money.of("26000", "INR")))
               .when(new ChangeMonthlyRent(ID, Money.of("27000", "INR"), OWNER_ACTS, 1L))
               .expectNoEvents()
               .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void theRentalTermsAreReplacedAsAWhole() {
        RentalTerms terms = new RentalTerms(RENT, Money.of("50000", "INR"), null, Money.of("25000", "INR"), null, 24);
        fixture.given(registered(), unit1Added())
               .when(new ChangeRentalTerms(ID, terms, MANAGER_ACTS, null))
               .expectException(NotFound.class);
        fixture.given(registered(), unit1Added(), new PropertyManagerChanged(ID, null, MANAGER, OWNER))
               .when(new ChangeRentalTerms(ID, terms, MANAGER_ACTS, null))
               .expectEvents(new RentalTermsChanged(ID, terms));
    }

    @Test
    void amenitiesAreReplacedAsAWholeAndListedOnce() {
        List<PropertyAmenity> wanted = List.of(new PropertyAmenity("gym", null, true, null),
                                               new PropertyAmenity("swimming_pool", "Heated", true,
                                                                   Money.of("500", "INR")));
        fixture.given(registered(), unit1Added())
               .when(new ChangeAmenities(ID, wanted, OWNER_ACTS, null))
               .expectEvents(new AmenitiesChanged(ID, wanted));
        fixture.given(registered(), unit1Added())
               .when(new ChangeAmenities(ID, List.of(wanted.get(0), wanted.get(0)), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("the amenity gym is listed twice");
    }

    // ----------------------------------------------------------------------------------------------- who may act

    /** A property the caller may not see answers as an unknown id, as the query side does (issue 10). */
    @Test
    void anotherOwnerMayNotTouchThePropertyNorLearnThatAPrivateOneExists() {
        fixture.given(registered(), unit1Added())
               .when(new ChangeMonthlyRent(ID, Money.of("1", "INR"), OTHER_OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotFound.class)
               .expectExceptionMessage("nothing with id " + ID);
        fixture.given(registered(), unit1Added())
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, null, OTHER_OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotFound.class);
    }

    @Test
    void aPublicListingRefusesAnotherOwnerWhoMaySeeIt() {
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                      new PropertyVerificationChanged(ID, PropertyVerificationStatus.VERIFIED, null,
                                                      ADMIN_ACTS.userId(), null),
                      listed(ListingStatus.PRIVATE, ListingStatus.PUBLIC, OWNER))
               .when(new ChangeMonthlyRent(ID, Money.of("1", "INR"), OTHER_OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    @Test
    void theOwnerAssignsAnActiveAgentAndAManager() {
        fixture.given(registered(), unit1Added())
               .when(new AssignListingAgent(ID, AGENT, OWNER_ACTS, null))
               .expectEvents(new ListingAgentChanged(ID, null, AGENT, OWNER));
        fixture.given(registered(), unit1Added())
               .when(new AssignPropertyManager(ID, MANAGER, ADMIN_ACTS, null))
               .expectEvents(new PropertyManagerChanged(ID, null, MANAGER, ADMIN_ACTS.userId()));
    }

    @Test
    void theAgentMustBeAnActiveAgentAndTheManagerAnActiveManager() {
        fixture.given(registered(), unit1Added())
               .when(new AssignListingAgent(ID, MANAGER, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("the listing agent must be an active agent");
        fixture.given(registered(), unit1Added())
               .when(new AssignPropertyManager(ID, AGENT, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("the property manager must be an active property manager");
    }

    @Test
    void theAgentAndManagerRunTheListingButDoNotChooseWhoRunsItNorSellIt() {
        Object[] run = {registered(), unit1Added(), new ListingAgentChanged(ID, null, AGENT, OWNER),
                new PropertyManagerChanged(ID, null, MANAGER, OWNER)};
        fixture.given(run)
               .when(new ChangeAmenities(ID, List.of(), AGENT_ACTS, null))
               .expectEvents(new AmenitiesChanged(ID, List.of()));
        for (Actor runner : List.of(AGENT_ACTS, MANAGER_ACTS)) {
            fixture.given(run)
                   .when(new AssignListingAgent(ID, null, runner, null))
                   .expectException(NotPermitted.class);
            fixture.given(run)
                   .when(new AssignPropertyManager(ID, null, runner, null))
                   .expectException(NotPermitted.class);
            fixture.given(run)
                   .when(new ChangePropertyStatus(ID, PropertyStatus.SOLD, null, runner, null))
                   .expectNoEvents()
                   .expectException(NotPermitted.class);
        }
        fixture.given(run)
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, null, MANAGER_ACTS, null))
               .expectEvents(new PropertyStatusChanged(ID, PropertyStatus.DRAFT, PropertyStatus.ACTIVE, null, MANAGER));
    }

    @Test
    void takingTheAgentAwayAndReassigningTheSameAgentAreRecordedOnceEach() {
        fixture.given(registered(), unit1Added(), new ListingAgentChanged(ID, null, AGENT, OWNER))
               .when(new AssignListingAgent(ID, AGENT, OWNER_ACTS, null))
               .expectNoEvents();
        fixture.given(registered(), unit1Added(), new ListingAgentChanged(ID, null, AGENT, OWNER))
               .when(new AssignListingAgent(ID, null, OWNER_ACTS, null))
               .expectEvents(new ListingAgentChanged(ID, AGENT, null, OWNER));
    }

    // -------------------------------------------------------------------------------------------------- lifecycle

    @Test
    void theOwnerActivatesADraft() {
        fixture.given(registered(), unit1Added())
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, " ", OWNER_ACTS, null))
               .expectEvents(moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE));
    }

    @Test
    void nobodyAsksForRented() {
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new ChangePropertyStatus(ID, PropertyStatus.RENTED, null, ADMIN_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a property is rented when leases occupy its units");
    }

    @Test
    void aDraftDoesNotGoIntoMaintenance() {
        fixture.given(registered(), unit1Added())
               .when(new ChangePropertyStatus(ID, PropertyStatus.MAINTENANCE, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a draft property cannot become maintenance");
    }

    @Test
    void soldIsFinal() {
        Object[] sold = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.SOLD)};
        fixture.given(sold)
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, null, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a sold property cannot become active");
        fixture.given(sold)
               .when(new ChangeMonthlyRent(ID, Money.of("1", "INR"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("the property is sold");
    }

    @Test
    void leavingActiveMakesAPublicListingPrivate() {
        fixture.given(publicListing())
               .when(new ChangePropertyStatus(ID, PropertyStatus.MAINTENANCE, "new plumbing", OWNER_ACTS, null))
               .expectEvents(new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.MAINTENANCE,
                                                       "new plumbing", OWNER),
                             listed(ListingStatus.PUBLIC, ListingStatus.PRIVATE, OWNER));
    }

    @Test
    void theLastUnitLetMakesThePropertyRentedAndPrivateAndAFreedUnitActiveAgain() {
        UnitOccupied occupied = new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT));
        fixture.given(publicListing())
               .when(new OccupyUnit(ID, UNIT_1_ID, LEASE, List.of(TENANT)))
               .expectEvents(occupied,
                             new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED,
                                                       "every unit is let", null),
                             listed(ListingStatus.PUBLIC, ListingStatus.PRIVATE, null));
        fixture.given(with(publicListing(), occupied,
                           new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED, null, null),
                           listed(ListingStatus.PUBLIC, ListingStatus.PRIVATE, null)))
               .when(new VacateUnit(ID, UNIT_1_ID, LEASE))
               .expectEvents(new UnitVacated(ID, UNIT_1_ID, LEASE),
                             new PropertyStatusChanged(ID, PropertyStatus.RENTED, PropertyStatus.ACTIVE,
                                                       "a unit is free again", null));
    }

    @Test
    void activatingAPropertyWhoseUnitsAreAllLetMakesItRented() {
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.INACTIVE),
                      new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT)))
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, null, OWNER_ACTS, null))
               .expectEvents(moved(PropertyStatus.INACTIVE, PropertyStatus.RENTED));
    }

    @Test
    void occupancyIsIdempotentByLease() {
        Object[] let = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT)),
                new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED, null, null)};
        fixture.given(let).when(new OccupyUnit(ID, UNIT_1_ID, LEASE, List.of(TENANT))).expectNoEvents();
        fixture.given(let)
               .when(new OccupyUnit(ID, UNIT_1_ID, LeaseId.random(), List.of(TENANT)))
               .expectNoEvents()
               .expectExceptionMessage("the unit is occupied under another lease");
        fixture.given(let)
               .when(new VacateUnit(ID, UNIT_1_ID, LeaseId.random()))
               .expectNoEvents()
               .expectExceptionMessage("the unit is held by another lease");
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new VacateUnit(ID, UNIT_1_ID, LEASE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRenewalTakesTheUnitOverFromTheLeaseItRenewsWithoutFreeingItInBetween() {
        LeaseId renewal = LeaseId.random();
        UnitOccupied handedOver = new UnitOccupied(ID, UNIT_1_ID, renewal, List.of(TENANT));
        Object[] let = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT)),
                new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED, null, null)};
        // One event: the property stays rented, and no other lease could take the unit meanwhile.
        fixture.given(let)
               .when(new HandOverUnit(ID, UNIT_1_ID, LEASE, renewal, List.of(TENANT)))
               .expectEvents(handedOver);
        Object[] renewed = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT)),
                new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED, null, null), handedOver};
        fixture.given(renewed)
               .when(new HandOverUnit(ID, UNIT_1_ID, LEASE, renewal, List.of(TENANT)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(renewed)
               .when(new VacateUnit(ID, UNIT_1_ID, LEASE))
               .expectNoEvents()
               .expectExceptionMessage("the unit is held by another lease");
        fixture.given(let)
               .when(new HandOverUnit(ID, UNIT_1_ID, LeaseId.random(), renewal, List.of(TENANT)))
               .expectNoEvents()
               .expectExceptionMessage("the unit is not held by the lease renewed");
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new HandOverUnit(ID, UNIT_1_ID, LEASE, renewal, List.of(TENANT)))
               .expectNoEvents()
               .expectExceptionMessage("the unit is not held by the lease renewed");
    }

    @Test
    void aDraftIsNotLet() {
        fixture.given(registered(), unit1Added())
               .when(new OccupyUnit(ID, UNIT_1_ID, LEASE, List.of(TENANT)))
               .expectNoEvents()
               .expectExceptionMessage("a draft property cannot be let");
    }

    // ---------------------------------------------------------------------------------------------------- listing

    @Test
    void aVerifiedActivePropertyIsListedPublicly() {
        fixture.given(registered(), unit1Added(), verified(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new ChangeListingStatus(ID, ListingStatus.PUBLIC, OWNER_ACTS, null))
               .expectEvents(listed(ListingStatus.PRIVATE, ListingStatus.PUBLIC, OWNER));
    }

    @Test
    void anUnverifiedOrInactivePropertyIsNotListedPublicly() {
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new ChangeListingStatus(ID, ListingStatus.PUBLIC, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("only verified properties are listed publicly");
        fixture.given(registered(), unit1Added(), verified())
               .when(new ChangeListingStatus(ID, ListingStatus.PUBLIC, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("only active properties are listed publicly");
    }

    @Test
    void onlyAdminsFeatureListings() {
        List<Object> ready = List.of(registered(), unit1Added(), verified(),
                                     moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE));
        fixture.given(ready)
               .when(new ChangeListingStatus(ID, ListingStatus.FEATURED, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(ready)
               .when(new ChangeListingStatus(ID, ListingStatus.FEATURED, ADMIN_ACTS, null))
               .expectEvents(listed(ListingStatus.PRIVATE, ListingStatus.FEATURED, ADMIN_ACTS.userId()));
    }

    @Test
    void onlyAdminsRecordVerificationAndARejectionMakesTheListingPrivate() {
        fixture.given(publicListing())
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.REJECTED, "no papers", null,
                                                   OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(publicListing())
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.REJECTED, "no papers", null,
                                                   ADMIN_ACTS, null))
               .expectEvents(new PropertyVerificationChanged(ID, PropertyVerificationStatus.REJECTED, "no papers",
                                                             ADMIN_ACTS.userId(), null),
                             listed(ListingStatus.PUBLIC, ListingStatus.PRIVATE, ADMIN_ACTS.userId()));
    }

    // ------------------------------------------------------------------------------------------------------ units

    @Test
    void unitsAreAddedToMultiUnitPropertiesOnly() {
        UnitId unitId = UnitId.random();
        fixture.given(building())
               .when(new AddUnit(ID, unitId, unit("3"), OWNER_ACTS, null))
               .expectEvents(new UnitAdded(ID, unitId, unit("3")));
        fixture.given(registered(), unit1Added())
               .when(new AddUnit(ID, unitId, unit("2"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a apartment has exactly one unit");
    }

    @Test
    void anAddedUnitNeedsANewNumberAndAddingItAgainChangesNothing() {
        UnitId unitId = UnitId.random();
        fixture.given(building())
               .when(new AddUnit(ID, unitId, unit("2"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("unit 2 exists already");
        fixture.given(with(List.of(building()), new UnitAdded(ID, unitId, unit("3"))))
               .when(new AddUnit(ID, unitId, unit("3"), OWNER_ACTS, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aNewVacantUnitMakesARentedBuildingActiveAgain() {
        UnitId unitId = UnitId.random();
        fixture.given(with(List.of(building()), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                           new UnitOccupied(ID, buildingUnit("1"), LEASE, List.of(TENANT)),
                           new UnitOccupied(ID, buildingUnit("2"), LeaseId.random(), List.of(TENANT)),
                           new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED, null, null)))
               .when(new AddUnit(ID, unitId, unit("3"), OWNER_ACTS, null))
               .expectEvents(new UnitAdded(ID, unitId, unit("3")),
                             new PropertyStatusChanged(ID, PropertyStatus.RENTED, PropertyStatus.ACTIVE,
                                                       "a unit is free again", null));
    }

    @Test
    void aUnitIsRevisedAndAnUnknownUnitIsNotFound() {
        UnitSpec bigger = new UnitSpec("1B", 2, new BigDecimal("2"), new BigDecimal("700"), Money.of("18000", "INR"),
                                       Map.of("view", "garden"), List.of("parking"));
        fixture.given(building())
               .when(new ReviseUnit(ID, buildingUnit("1"), bigger, OWNER_ACTS, null))
               .expectEvents(new UnitRevised(ID, buildingUnit("1"), bigger));
        fixture.given(building())
               .when(new ReviseUnit(ID, UnitId.random(), bigger, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(NotFound.class);
        fixture.given(building())
               .when(new ReviseUnit(ID, buildingUnit("1"), unit("2"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("unit 2 exists already");
    }

    @Test
    void onlyAVacantUnitIsRemovedAndNeverTheLast() {
        fixture.given(building())
               .when(new RemoveUnit(ID, buildingUnit("2"), OWNER_ACTS, null))
               .expectEvents(new UnitRemoved(ID, buildingUnit("2"), "2"));
        fixture.given(with(List.of(building()), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                           new UnitOccupied(ID, buildingUnit("2"), LEASE, List.of(TENANT))))
               .when(new RemoveUnit(ID, buildingUnit("2"), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("an occupied unit cannot be removed");
        fixture.given(registered(), unit1Added())
               .when(new RemoveUnit(ID, UNIT_1_ID, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("a property keeps at least one unit");
    }

    @Test
    void removingTheLastVacantUnitOfAnActiveBuildingMakesItRented() {
        fixture.given(with(List.of(building()), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                           new UnitOccupied(ID, buildingUnit("1"), LEASE, List.of(TENANT))))
               .when(new RemoveUnit(ID, buildingUnit("2"), OWNER_ACTS, null))
               .expectEvents(new UnitRemoved(ID, buildingUnit("2"), "2"),
                             new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED,
                                                       "every unit is let", null));
    }

    // ---------------------------------------------------------------------------------------------------- reviews

    @Test
    void aTenantOfALeaseReviewsAndALaterReviewReplacesTheirs() {
        Object[] let = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT)), new UnitVacated(ID, UNIT_1_ID, LEASE)};
        Actor tenant = new Actor(TENANT, Role.TENANT);
        fixture.given(let)
               .when(new ReviewProperty(ID, 4, "Quiet street", tenant, null))
               .expectEvents(new PropertyReviewed(ID, TENANT, 4, "Quiet street"));
        fixture.given(with(List.of(let), new PropertyReviewed(ID, TENANT, 4, "Quiet street")))
               .when(new ReviewProperty(ID, 4, "Quiet street", tenant, null))
               .expectNoEvents();
        fixture.given(with(List.of(let), new PropertyReviewed(ID, TENANT, 4, "Quiet street")))
               .when(new ReviewProperty(ID, 2, "Noisy now", tenant, null))
               .expectEvents(new PropertyReviewed(ID, TENANT, 2, "Noisy now"));
    }

    @Test
    void onlyTenantsWhoLivedThereReviewWithARatingOfOneToFive() {
        Object[] let = {registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE),
                new UnitOccupied(ID, UNIT_1_ID, LEASE, List.of(TENANT))};
        fixture.given(let)
               .when(new ReviewProperty(ID, 5, null, new Actor(UserId.random(), Role.TENANT), null))
               .expectNoEvents()
               .expectException(NotFound.class);
        fixture.given(let)
               .when(new ReviewProperty(ID, 6, null, new Actor(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectExceptionMessage("a rating is 1 to 5");
        fixture.given(let)
               .when(new ReviewProperty(ID, 3, "x".repeat(2001), new Actor(TENANT, Role.TENANT), null))
               .expectNoEvents()
               .expectExceptionMessage("a review's comment is at most 2000 characters");
    }

    // --------------------------------------------------------------------------------------------------------- HUD

    @Test
    void hudApprovalIsRecordedForUsPropertiesOnly() {
        PropertyLocation boston = location("US", "Boston", "Massachusetts", 42.35, -71.08);
        RentalTerms dollars = new RentalTerms(Money.of("2400", "USD"), null, null, null, null, 12);
        PropertyRegistered us = new PropertyRegistered(ID, OWNER, TITLE, null, PropertyType.SINGLE_FAMILY, SPECS,
                                                       boston, dollars, TenantPreferences.none(),
                                                       new ListingSeo("boston-home", null, null), MarketData.none(),
                                                       List.of(), OWNER);
        HudApproval approval = new HudApproval(true, LocalDate.of(2026, 1, 15), "Section 8 HCV");
        fixture.given(us)
               .when(new RecordHudApproval(ID, approval, OWNER_ACTS, null))
               .expectEvents(new HudApprovalRecorded(ID, approval, OWNER));
        fixture.given(registered(), unit1Added())
               .when(new RecordHudApproval(ID, approval, OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("HUD approval is for properties in the US");
        fixture.given(us)
               .when(new RecordHudApproval(ID, new HudApproval(true, null, null), OWNER_ACTS, null))
               .expectNoEvents()
               .expectExceptionMessage("an approval needs its date");
    }

    // ------------------------------------------------------------------------------------------------------ import

    @Test
    void anImportRegistersVerifiesActivatesAndPublishesInOneCommand() {
        RegisterProperty registering = register(PropertyType.APARTMENT, SPECS, LOCATION, TERMS, List.of(), OWNER,
                                                ADMIN_ACTS);
        UserId admin = ADMIN_ACTS.userId();
        ImportProperty importing = new ImportProperty(ID, registering, PropertyVerificationStatus.VERIFIED, true,
                                                      ListingStatus.PUBLIC);
        List<Object> imported = List.of(registered(PropertyType.APARTMENT, SLUG, admin), unit1Added(),
                                        new PropertyVerificationChanged(ID, PropertyVerificationStatus.VERIFIED, null,
                                                                        admin, null),
                                        new PropertyStatusChanged(ID, PropertyStatus.DRAFT, PropertyStatus.ACTIVE,
                                                                  "imported", admin),
                                        listed(ListingStatus.PRIVATE, ListingStatus.PUBLIC, admin));
        fixture.givenNoPriorActivity()
               .when(importing)
               .expectEvents(imported.toArray());
        slugs.put(SLUG, ID);
        fixture.given(imported)
               .when(importing)
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyAdminsImport() {
        fixture.givenNoPriorActivity()
               .when(new ImportProperty(ID, register(), null, true, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
    }

    // ----------------------------------------------------------------------------------- before revision 2 events

    @Test
    void aPropertyRegisteredWithoutUnitsHasOneImplicitUnitRecordedWhenItIsFirstLet() {
        UnitId implicit = new UnitId(ID.value());
        UnitSpec whole = new UnitSpec("1", 2, new BigDecimal("1.5"), new BigDecimal("1100.00"), RENT, Map.of(),
                                      List.of());
        fixture.given(registered(), moved(PropertyStatus.DRAFT, PropertyStatus.ACTIVE))
               .when(new OccupyUnit(ID, implicit, LEASE, List.of(TENANT)))
               .expectEvents(new UnitAdded(ID, implicit, whole), new UnitOccupied(ID, implicit, LEASE, List.of(TENANT)),
                             new PropertyStatusChanged(ID, PropertyStatus.ACTIVE, PropertyStatus.RENTED,
                                                       "every unit is let", null));
    }

    @Test
    void aPropertyRegisteredWithoutUnitsRecordsItsImplicitUnitWhenItGoesOnTheMarket() {
        UnitId implicit = new UnitId(ID.value());
        UnitSpec whole = new UnitSpec("1", 2, new BigDecimal("1.5"), new BigDecimal("1100.00"), RENT, Map.of(),
                                      List.of());
        fixture.given(registered())
               .when(new ChangePropertyStatus(ID, PropertyStatus.ACTIVE, null, OWNER_ACTS, null))
               .expectEvents(new UnitAdded(ID, implicit, whole),
                             new PropertyStatusChanged(ID, PropertyStatus.DRAFT, PropertyStatus.ACTIVE, null, OWNER));
    }

    // ------------------------------------------------------------------------------------- verification requests

    static final VerificationId VERIFICATION = VerificationId.random();

    static PropertyVerificationRequested verificationRequested(VerificationId verification, UserId by) {
        return new PropertyVerificationRequested(ID, verification, VerificationType.STANDARD, OWNER, by);
    }

    static PropertyVerificationChanged verificationChanged(PropertyVerificationStatus status, UserId by,
                                                           VerificationId from) {
        return new PropertyVerificationChanged(ID, status, null, by, from);
    }

    static RequestPropertyVerification requestVerification(VerificationId verification, Actor by) {
        return new RequestPropertyVerification(ID, verification, VerificationType.STANDARD, by, null);
    }

    @Test
    void theOwnerRequestsAVerificationAndThePropertyIsVerifiedFromThen() {
        fixture.given(registered(), unit1Added())
               .when(requestVerification(VERIFICATION, OWNER_ACTS))
               .expectEvents(verificationRequested(VERIFICATION, OWNER),
                             verificationChanged(PropertyVerificationStatus.IN_PROGRESS, OWNER, VERIFICATION));
    }

    @Test
    void theListingAgentAndAdminsMayRequestAVerificationOthersNot() {
        fixture.given(registered(), unit1Added(), new ListingAgentChanged(ID, null, AGENT, OWNER))
               .when(requestVerification(VERIFICATION, AGENT_ACTS))
               .expectEvents(verificationRequested(VERIFICATION, AGENT),
                             verificationChanged(PropertyVerificationStatus.IN_PROGRESS, AGENT, VERIFICATION));
        fixture.given(registered(), unit1Added())
               .when(requestVerification(VERIFICATION, ADMIN_ACTS))
               .expectSuccessfulHandlerExecution();
        for (Actor who : List.of(OTHER_OWNER_ACTS, AGENT_ACTS, MANAGER_ACTS)) {
            fixture.given(registered(), unit1Added())
                   .when(requestVerification(VERIFICATION, who))
                   .expectNoEvents()
                   .expectException(NotFound.class);
        }
    }

    @Test
    void requestingTheSameVerificationAgainChangesNothing() {
        fixture.given(registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER))
               .when(requestVerification(VERIFICATION, OWNER_ACTS))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
        fixture.given(registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER))
               .when(new RequestPropertyVerification(ID, VERIFICATION, VerificationType.LEGAL, OWNER_ACTS, null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotRequestASecondVerificationWhileOneIsOpen() {
        fixture.given(registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER))
               .when(requestVerification(VerificationId.random(), OWNER_ACTS))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class)
               .expectExceptionMessage("verification " + VERIFICATION + " of this property is still open");
    }

    @Test
    void aVerifiedPropertyStaysVerifiedAndListedWhileVerifiedAgain() {
        VerificationId again = VerificationId.random();
        fixture.given(with(publicListing(), verificationRequested(VERIFICATION, OWNER),
                           verificationChanged(PropertyVerificationStatus.VERIFIED, Actor.system().userId(),
                                               VERIFICATION)))
               .when(requestVerification(again, OWNER_ACTS))
               .expectEvents(verificationRequested(again, OWNER));
    }

    @Test
    void cannotRequestAVerificationOfASoldProperty() {
        fixture.given(registered(), unit1Added(), moved(PropertyStatus.DRAFT, PropertyStatus.SOLD))
               .when(requestVerification(VERIFICATION, OWNER_ACTS))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }

    @Test
    void theProcessRecordsTheOutcomeOfTheOpenVerificationAndFreesThePropertyForTheNext() {
        Object[] open = {registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER),
                verificationChanged(PropertyVerificationStatus.IN_PROGRESS, OWNER, VERIFICATION)};
        fixture.given(open)
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.VERIFIED, "score 8", VERIFICATION,
                                                   Actor.system(), null))
               .expectEvents(new PropertyVerificationChanged(ID, PropertyVerificationStatus.VERIFIED, "score 8",
                                                             Actor.system().userId(), VERIFICATION));
        VerificationId next = VerificationId.random();
        fixture.given(open)
               .andGiven(verificationChanged(PropertyVerificationStatus.REJECTED, Actor.system().userId(),
                                             VERIFICATION))
               .when(requestVerification(next, OWNER_ACTS))
               .expectEvents(verificationRequested(next, OWNER),
                             verificationChanged(PropertyVerificationStatus.IN_PROGRESS, OWNER, next));
    }

    @Test
    void theOutcomeOfAVerificationThatIsNoLongerOpenChangesNothing() {
        fixture.given(registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER),
                      verificationChanged(PropertyVerificationStatus.VERIFIED, Actor.system().userId(), VERIFICATION))
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.VERIFIED, null, VERIFICATION,
                                                   Actor.system(), null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyTheProcessRecordsTheOutcomeOfAVerificationEvenOnASoldProperty() {
        Object[] openThenSold = {registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER),
                moved(PropertyStatus.DRAFT, PropertyStatus.SOLD)};
        fixture.given(openThenSold)
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.VERIFIED, null, VERIFICATION,
                                                   ADMIN_ACTS, null))
               .expectNoEvents()
               .expectException(NotPermitted.class);
        fixture.given(openThenSold)
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.REJECTED, "gone", VERIFICATION,
                                                   Actor.system(), null))
               .expectEvents(new PropertyVerificationChanged(ID, PropertyVerificationStatus.REJECTED, "gone",
                                                             Actor.system().userId(), VERIFICATION));
    }

    @Test
    void aVerificationEndsVerifiedOrRejected() {
        fixture.given(registered(), unit1Added(), verificationRequested(VERIFICATION, OWNER))
               .when(new RecordVerificationOutcome(ID, PropertyVerificationStatus.PENDING, null, VERIFICATION,
                                                   Actor.system(), null))
               .expectNoEvents()
               .expectException(DomainRuleViolation.class);
    }
}
