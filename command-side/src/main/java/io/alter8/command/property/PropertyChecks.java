package io.alter8.command.property;

import io.alter8.api.common.Money;
import io.alter8.api.property.MarketData;
import io.alter8.api.property.PropertyAmenity;
import io.alter8.api.property.PropertyLocation;
import io.alter8.api.property.PropertySpecs;
import io.alter8.api.property.RentalTerms;
import io.alter8.api.property.UnitSpec;
import io.alter8.command.DepositLimit;
import io.alter8.command.DomainRuleViolation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules every description of a property keeps, whichever command brings it (the data models' CHECK constraints and
 * more). The HTTP layer checks the same shapes first and answers 400 with every bad field; these hold for any
 * sender, and answer 409 with the first broken rule.
 */
final class PropertyChecks {

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final int MIN_LEASE_MONTHS = 1;
    private static final int MAX_LEASE_MONTHS = 120;

    private PropertyChecks() {
    }

    static void title(String title) {
        if (title == null || title.isBlank()) {
            throw new DomainRuleViolation("missing-title", "title is required");
        }
    }

    static void specs(PropertySpecs specs, int currentYear) {
        if (specs == null) {
            throw new DomainRuleViolation("missing-specs", "specs are required");
        }
        notNegative(specs.bedrooms(), "bedrooms");
        bathrooms(specs.bathrooms());
        positiveArea(specs.carpetArea(), "carpet area");
        positiveArea(specs.builtUpArea(), "built-up area");
        positiveArea(specs.superBuiltUpArea(), "super built-up area");
        positiveArea(specs.plotArea(), "plot area");
        notNegative(specs.balconies(), "balconies");
        notNegative(specs.parkingSpaces(), "parking spaces");
        notNegative(specs.totalFloors(), "total floors");
        notNegative(specs.propertyAge(), "property age");
        if (specs.floorNumber() != null && specs.totalFloors() != null && specs.floorNumber() > specs.totalFloors()) {
            throw new DomainRuleViolation("invalid-floor", "the floor number cannot be above the total floors");
        }
        if (specs.constructionYear() != null && specs.constructionYear() > currentYear) {
            throw new DomainRuleViolation("invalid-construction-year", "the construction year cannot be in the future");
        }
    }

    static void location(PropertyLocation location) {
        if (location == null) {
            throw new DomainRuleViolation("missing-location", "location is required");
        }
        if (location.coordinates() != null
                && !CountryBounds.contains(location.address().country(), location.coordinates())) {
            throw new DomainRuleViolation("coordinates-outside-country",
                                          "the coordinates are outside " + location.address().country());
        }
        notNegative(location.accuracyMeters(), "location accuracy");
    }

    static void terms(RentalTerms terms) {
        if (terms == null) {
            throw new DomainRuleViolation("missing-terms", "rental terms are required");
        }
        rent(terms.monthlyRent());
        String currency = terms.monthlyRent().currency();
        notNegative(terms.securityDeposit(), currency, "the security deposit");
        notNegative(terms.maintenanceCharge(), currency, "the maintenance charge");
        notNegative(terms.brokerage(), currency, "the brokerage");
        DepositLimit.check(terms.securityDeposit(), terms.monthlyRent());
        Integer months = terms.leaseDurationMonths();
        if (months != null && (months < MIN_LEASE_MONTHS || months > MAX_LEASE_MONTHS)) {
            throw new DomainRuleViolation("invalid-lease-duration", "a lease lasts 1 to 120 months");
        }
    }

    static void rent(Money rent) {
        if (rent == null || !rent.isPositive()) {
            throw new DomainRuleViolation("invalid-rent", "monthly rent must be more than zero");
        }
    }

    static void marketData(MarketData marketData, String currency) {
        if (marketData != null) {
            notNegative(marketData.marketValue(), currency, "the market value");
            notNegative(marketData.pricePerSqft(), currency, "the price per sq ft");
        }
    }

    static void amenities(List<PropertyAmenity> amenities, String currency) {
        Set<String> codes = new HashSet<>();
        for (PropertyAmenity amenity : amenities) {
            if (!codes.add(amenity.code())) {
                throw new DomainRuleViolation("duplicate-amenity",
                                              "the amenity " + amenity.code() + " is listed twice");
            }
            notNegative(amenity.additionalCost(), currency, "an amenity's additional cost");
        }
    }

    static void unit(UnitSpec unit, String currency) {
        if (unit == null || unit.unitNumber() == null || unit.unitNumber().isBlank()) {
            throw new DomainRuleViolation("missing-unit-number", "a unit needs a number");
        }
        notNegative(unit.bedrooms(), "a unit's bedrooms");
        bathrooms(unit.bathrooms());
        positiveArea(unit.areaSqft(), "a unit's area");
        rent(unit.monthlyRent());
        sameCurrency(unit.monthlyRent(), currency, "a unit's rent");
        if (new HashSet<>(unit.amenities()).size() != unit.amenities().size()) {
            throw new DomainRuleViolation("duplicate-amenity", "a unit lists an amenity twice");
        }
    }

    /** Unit numbers are unique within a property, whatever their case ({@code 1a} is {@code 1A}). */
    static void distinctNumbers(Collection<String> numbers) {
        Set<String> seen = new HashSet<>();
        for (String number : numbers) {
            if (!seen.add(numberKey(number))) {
                throw new DomainRuleViolation("duplicate-unit-number", "unit " + number + " exists already");
            }
        }
    }

    static String numberKey(String unitNumber) {
        return unitNumber.strip().toLowerCase(Locale.ROOT);
    }

    static void sameCurrency(Money money, String currency, String what) {
        if (money != null && !money.currency().equals(currency)) {
            throw new DomainRuleViolation("currency-mismatch",
                                          what + " must be in " + currency + ", the currency of the rent");
        }
    }

    private static void notNegative(Money money, String currency, String what) {
        sameCurrency(money, currency, what);
        if (money != null && money.amount().signum() < 0) {
            throw new DomainRuleViolation("negative-amount", what + " cannot be negative");
        }
    }

    private static void bathrooms(BigDecimal bathrooms) {
        if (bathrooms == null || bathrooms.signum() < 0 || bathrooms.remainder(HALF).signum() != 0) {
            throw new DomainRuleViolation("invalid-bathrooms", "bathrooms come in halves (1, 1.5, 2 …)");
        }
    }

    private static void positiveArea(BigDecimal area, String what) {
        if (area != null && area.signum() <= 0) {
            throw new DomainRuleViolation("invalid-area", what + " must be more than zero");
        }
    }

    private static void notNegative(Integer value, String what) {
        if (value != null && value < 0) {
            throw new DomainRuleViolation("negative-count", what + " cannot be negative");
        }
    }
}
