package io.alter8.infra.masterdata;

import java.math.BigDecimal;
import java.util.UUID;

/** A city Alter8 lists properties in ({@code master_city}); {@code country} is IN or US. */
public record MasterCity(UUID id,
                         String country,
                         String name,
                         String stateName,
                         String stateCode,
                         BigDecimal latitude,
                         BigDecimal longitude) {
}
