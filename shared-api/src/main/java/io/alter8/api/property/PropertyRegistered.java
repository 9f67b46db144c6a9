package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A property entered Alter8, in {@code draft}, private and pending verification. Its units follow as
 * {@link UnitAdded} events. Revision 2 added the owner and every field of both data models; revision 1 events (title,
 * description, type, address, location, bedrooms, bathrooms, rent) are upcast, with the owner taken from the
 * event's metadata.
 */
@Revision("2")
public record PropertyRegistered(PropertyId propertyId,
                                 UserId ownerId,
                                 String title,
                                 String description,
                                 PropertyType propertyType,
                                 PropertySpecs specs,
                                 PropertyLocation location,
                                 RentalTerms terms,
                                 TenantPreferences preferences,
                                 ListingSeo seo,
                                 MarketData marketData,
                                 List<PropertyAmenity> amenities,
                                 UserId registeredBy) {

    public PropertyRegistered {
        amenities = Collections.copy(amenities);
    }
}
