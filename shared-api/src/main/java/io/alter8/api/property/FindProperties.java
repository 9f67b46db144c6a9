package io.alter8.api.property;

import io.alter8.api.common.GeoPoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The listing search over public and featured listings that are active and have a vacant unit. Every filter is
 * optional (null or empty: no condition). {@code city} and {@code area} are master data names, {@code amenities}
 * master codes that a listing must all offer; rents are compared in the listing's own currency unless
 * {@code currency} is given; {@code availableFrom} finds listings available on or before that date;
 * {@code preferredTenantType} and {@code dietaryPreference} match listings that state that value or {@code any};
 * {@code text} is full-text in web search syntax; {@code near} with {@code radiusKm} keeps listings within that many
 * km and reports each one's distance.
 */
public record FindProperties(String city,
                             String area,
                             String postalCode,
                             List<PropertyType> propertyTypes,
                             String subType,
                             BigDecimal minRent,
                             BigDecimal maxRent,
                             String currency,
                             Integer minBedrooms,
                             BigDecimal minBathrooms,
                             FurnishingStatus furnishing,
                             Boolean petsAllowed,
                             PreferredTenantType preferredTenantType,
                             DietaryPreference dietaryPreference,
                             List<String> amenities,
                             LocalDate availableFrom,
                             String text,
                             GeoPoint near,
                             Double radiusKm,
                             PropertySort sort,
                             boolean ascending,
                             int page,
                             int size) {

    public FindProperties {
        propertyTypes = Collections.copy(propertyTypes);
        amenities = Collections.copy(amenities);
    }
}
