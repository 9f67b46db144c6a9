package io.alter8.api.property;

import io.alter8.api.common.LeaseId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the leasing process only, when the lease that holds the unit ends. */
public record VacateUnit(@TargetAggregateIdentifier PropertyId propertyId,
                         UnitId unitId,
                         LeaseId leaseId) {
}
