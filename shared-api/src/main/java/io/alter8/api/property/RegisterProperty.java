package io.alter8.api.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/** Registers a property. Sent again with the same id and content it changes nothing. */
public record RegisterProperty(@TargetAggregateIdentifier PropertyId propertyId,
                               String title,
                               String description,
                               PropertyType propertyType,
                               Address address,
                               GeoPoint location,
                               int bedrooms,
                               BigDecimal bathrooms,
                               Money monthlyRent) {
}
