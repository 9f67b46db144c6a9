package io.alter8.api.property;

import io.alter8.api.common.PropertyId;

import java.time.Instant;
import java.util.List;

/**
 * How many of a property's units there are and how many are vacant (management model {@code unit:availability}), with
 * each unit. {@code lastUpdated} is when the property last changed; {@code version} its aggregate version.
 */
public record UnitAvailabilityView(PropertyId propertyId,
                                   int totalUnits,
                                   int availableUnits,
                                   Instant lastUpdated,
                                   List<UnitView> units,
                                   long version) {

    public UnitAvailabilityView {
        units = Collections.copy(units);
    }

    public UnitAvailabilityView withoutLeases() {
        return new UnitAvailabilityView(propertyId, totalUnits, availableUnits, lastUpdated,
                                        units.stream().map(UnitView::withoutLease).toList(), version);
    }
}
