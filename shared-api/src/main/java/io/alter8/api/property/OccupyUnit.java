package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.common.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sent by the leasing process only, when a lease of the unit becomes active. */
public record OccupyUnit(@TargetAggregateIdentifier PropertyId propertyId,
                         UnitId unitId,
                         LeaseId leaseId,
                         List<UserId> tenants) {

    public OccupyUnit {
        tenants = Collections.copy(tenants);
    }
}
