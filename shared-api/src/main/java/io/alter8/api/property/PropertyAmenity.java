package io.alter8.api.property;

import io.alter8.api.common.Money;

import java.util.Objects;

/**
 * An amenity a property offers (marketplace model {@code property_amenities}; management model
 * {@code property_amenities}). {@code code} names a master amenity ({@code swimming_pool}); its name and category come
 * from the master data.
 */
public record PropertyAmenity(String code, String description, boolean available, Money additionalCost) {

    public PropertyAmenity {
        Objects.requireNonNull(code, "amenity code");
    }
}
