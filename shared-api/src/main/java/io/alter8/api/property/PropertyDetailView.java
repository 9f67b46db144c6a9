package io.alter8.api.property;

import io.alter8.api.common.PropertyId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One property as the catalog shows it: every field of its description, its units and amenities (with master data
 * names), its people by name, its life cycle, its rating, its primary photo (a public image, or null) and the number
 * of its public media. {@code version} is the aggregate version it reflects
 * (the ETag).
 */
public record PropertyDetailView(PropertyId id,
                                 PersonSummary owner,
                                 PersonSummary listingAgent,
                                 PersonSummary propertyManager,
                                 String title,
                                 String description,
                                 PropertyType propertyType,
                                 PropertySpecs specs,
                                 PropertyLocation location,
                                 RentalTerms terms,
                                 TenantPreferences preferences,
                                 ListingSeo seo,
                                 MarketData marketData,
                                 List<PropertyAmenityView> amenities,
                                 List<UnitView> units,
                                 int totalUnits,
                                 int availableUnits,
                                 PropertyStatus status,
                                 ListingStatus listingStatus,
                                 VerificationView verification,
                                 HudApproval hudApproval,
                                 BigDecimal rating,
                                 int reviewCount,
                                 PrimaryPhoto primaryPhoto,
                                 int mediaCount,
                                 Instant publishedAt,
                                 Instant registeredAt,
                                 Instant updatedAt,
                                 long version) {

    public PropertyDetailView {
        amenities = Collections.copy(amenities);
        units = Collections.copy(units);
    }

    /** The same view with each person's summary replaced (names filled in, say). */
    public PropertyDetailView withPeople(Function<PersonSummary, PersonSummary> people) {
        return new PropertyDetailView(id, apply(people, owner), apply(people, listingAgent),
                                      apply(people, propertyManager), title, description, propertyType, specs,
                                      location, terms, preferences, seo, marketData, amenities, units, totalUnits,
                                      availableUnits, status, listingStatus, verification, hudApproval, rating,
                                      reviewCount, primaryPhoto, mediaCount, publishedAt, registeredAt, updatedAt, version);
    }

    /**
     * The view for callers outside the property's people and readers: no lease ids, and of the verification only
     * its status and date (who verified it and their notes are internal).
     */
    public PropertyDetailView forOutsiders() {
        return new PropertyDetailView(id, owner, listingAgent, propertyManager, title, description, propertyType,
                                      specs, location, terms, preferences, seo, marketData, amenities,
                                      units.stream().map(UnitView::withoutLease).toList(), totalUnits,
                                      availableUnits, status, listingStatus,
                                      verification == null ? null : verification.statusOnly(), hudApproval, rating,
                                      reviewCount, primaryPhoto, mediaCount, publishedAt, registeredAt, updatedAt, version);
    }

    private static PersonSummary apply(Function<PersonSummary, PersonSummary> people, PersonSummary person) {
        return person == null ? null : people.apply(person);
    }
}
