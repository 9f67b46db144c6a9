package io.alter8.api.property;

import java.math.BigDecimal;

/**
 * The listing search: every filter is optional; rents are compared in the listing's own currency. {@code sort} is
 * one of the sortable fields ({@code monthlyRent}, {@code bedrooms}, {@code registeredAt}, {@code title}).
 */
public record FindProperties(String city,
                             PropertyType propertyType,
                             BigDecimal minRent,
                             BigDecimal maxRent,
                             Integer minBedrooms,
                             int page,
                             int size,
                             String sort,
                             boolean ascending) {
}
