package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;

import java.math.BigDecimal;
import java.util.List;

/**
 * How full a property is: its units (removed ones left out), how many a lease occupies, the occupancy rate in
 * percent (two decimals, half-up; 0 without units), and which lease occupies each occupied unit.
 */
public record OccupancyView(PropertyId propertyId,
                            int units,
                            int occupiedUnits,
                            BigDecimal occupancyRate,
                            List<OccupiedUnit> occupied,
                            long version) {

    public OccupancyView {
        occupied = List.copyOf(occupied);
    }

    /** A unit in a lease: its number, the lease and its tenants. */
    public record OccupiedUnit(UnitId unitId,
                               String unitNumber,
                               LeaseId leaseId,
                               List<UserId> tenants) {

        public OccupiedUnit {
            tenants = List.copyOf(tenants);
        }
    }
}
