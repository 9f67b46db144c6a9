package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/** Replaces the property's amenities. */
public record ChangeAmenities(@TargetAggregateIdentifier PropertyId propertyId,
                              List<PropertyAmenity> amenities,
                              Actor requestedBy,
                              @TargetAggregateVersion Long expectedVersion) {
}
