package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

/** The lease that held the unit ended; the unit is available again. */
@Revision("1")
public record UnitVacated(PropertyId propertyId,
                          UnitId unitId,
                          LeaseId leaseId) {
}
