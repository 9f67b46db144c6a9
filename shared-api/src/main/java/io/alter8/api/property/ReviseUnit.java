package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces a unit's description. */
public record ReviseUnit(@TargetAggregateIdentifier PropertyId propertyId,
                         UnitId unitId,
                         UnitSpec spec,
                         Actor requestedBy,
                         @TargetAggregateVersion Long expectedVersion) {
}
