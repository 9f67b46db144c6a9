package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

import java.util.List;

/** A lease took the unit; its tenants may review the property from now on. */
@Revision("1")
public record UnitOccupied(PropertyId propertyId,
                           UnitId unitId,
                           LeaseId leaseId,
                           List<UserId> tenants) {
}
