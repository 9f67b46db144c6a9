package io.alter8.api.property;

import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A property in a list (search results, an owner's portfolio). {@code rating} is the average of its reviews (0
 * without any); {@code primaryPhoto} is null until a public image is the primary one, {@code mediaCount} counts its public
 * media; {@code distanceKm} is set when the search had a point; {@code version} is the aggregate version the
 * read model reflects.
 */
public record PropertySummary(PropertyId id,
                              String title,
                              PropertyType propertyType,
                              String subType,
                              String city,
                              String areaName,
                              String postalCode,
                              String country,
                              GeoPoint coordinates,
                              Money monthlyRent,
                              int bedrooms,
                              BigDecimal bathrooms,
                              FurnishingStatus furnishing,
                              LocalDate availableFrom,
                              boolean petsAllowed,
                              List<String> amenities,
                              PropertyStatus status,
                              ListingStatus listingStatus,
                              PropertyVerificationStatus verificationStatus,
                              BigDecimal rating,
                              int reviewCount,
                              int totalUnits,
                              int availableUnits,
                              PrimaryPhoto primaryPhoto,
                              int mediaCount,
                              Double distanceKm,
                              Instant publishedAt,
                              Instant registeredAt,
                              long version) {

    public PropertySummary {
        amenities = Collections.copy(amenities);
    }
}
