package io.alter8.api.property;

import io.alter8.api.common.Address;
import io.alter8.api.common.GeoPoint;
import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

@Revision("1")
public record PropertyRegistered(PropertyId propertyId,
                                 String title,
                                 String description,
                                 PropertyType propertyType,
                                 Address address,
                                 GeoPoint location,
                                 int bedrooms,
                                 BigDecimal bathrooms,
                                 Money monthlyRent) {
}
