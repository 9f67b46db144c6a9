package io.alter8.api.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;

import java.math.BigDecimal;
import java.time.Instant;

/** A property as the listing read model shows it. {@code version} is the aggregate version it reflects. */
public record PropertyView(PropertyId id,
                           String title,
                           String description,
                           PropertyType propertyType,
                           Address address,
                           GeoPoint location,
                           int bedrooms,
                           BigDecimal bathrooms,
                           Money monthlyRent,
                           long version,
                           Instant registeredAt,
                           Instant updatedAt) {
}
