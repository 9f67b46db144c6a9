package io.alter8.api.property;

import io.alter8.api.common.Money;
import io.alter8.api.common.PropertyId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MonthlyRentChanged(PropertyId propertyId, Money previousRent, Money monthlyRent) {
}
