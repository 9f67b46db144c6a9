package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Registers a property for {@code ownerId} (the caller, unless an admin or property manager registers for an
 * owner). Without units, a single-unit property gets one unit from its specs and rent. Sent again with the same id
 * and content it changes nothing.
 */
public record RegisterProperty(@TargetAggregateIdentifier PropertyId propertyId,
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
                               List<UnitSpec> units,
                               Actor requestedBy) {

    public RegisterProperty {
        amenities = Collections.copy(amenities);
        units = Collections.copy(units);
    }
}
