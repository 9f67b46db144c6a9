package io.alter8.api.property;

import io.alter8.api.common.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A rentable unit of a property (management model {@code units}, {@code unit_amenities}): its number, unique within the
 * property, rooms, area in square feet, rent, free-form features ({@code unit_features}) and master amenity codes.
 */
public record UnitSpec(String unitNumber,
                       int bedrooms,
                       BigDecimal bathrooms,
                       BigDecimal areaSqft,
                       Money monthlyRent,
                       Map<String, String> features,
                       List<String> amenities) {

    public UnitSpec {
        features = Collections.copy(features);
        amenities = Collections.copy(amenities);
    }
}
