package io.alter8.query.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import io.alter8.api.property.MonthlyRentChanged;
import io.alter8.api.property.PropertyRegistered;
import io.alter8.api.property.PropertyType;

import java.math.BigDecimal;
import java.util.UUID;

/** Events as the command side writes them, for the query side's tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static PropertyRegistered registered(UUID id, String title, String city, PropertyType type, int bedrooms,
                                         String rent) {
        return new PropertyRegistered(new PropertyId(id), title, "A home in " + city, type,
                                      new Address("1 Main Road", null, city, "State", "560001", "IN"),
                                      new GeoPoint(12.97, 77.59), bedrooms, new BigDecimal("1.5"),
                                      Money.of(rent, "INR"));
    }

    public static MonthlyRentChanged rentChanged(UUID id, String from, String to) {
        return new MonthlyRentChanged(new PropertyId(id), Money.of(from, "INR"), Money.of(to, "INR"));
    }
}
