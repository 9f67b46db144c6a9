package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** The property's amenities, replaced as a whole. */
@Revision("1")
public record AmenitiesChanged(PropertyId propertyId,
                               List<PropertyAmenity> amenities) {
}
