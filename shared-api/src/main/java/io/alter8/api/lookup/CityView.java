package io.alter8.api.lookup;

import java.math.BigDecimal;
import java.util.UUID;

/** A city of the master data ({@code master_cities}); {@code country} is IN or US. */
public record CityView(UUID id, String name, String stateName, String stateCode, String country,
                       BigDecimal latitude, BigDecimal longitude) {
}
