package io.alter8.api.property;

import java.math.BigDecimal;

/** Filters of the listing search; every one is optional. Rents are compared in the listing's own currency. */
public record FindProperties(String city,
                             PropertyType propertyType,
                             BigDecimal minRent,
                             BigDecimal maxRent,
                             Integer minBedrooms) {
}
