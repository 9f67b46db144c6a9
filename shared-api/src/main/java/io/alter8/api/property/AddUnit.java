package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a unit to a multi-unit property; its number must be new within the property. */
public record AddUnit(@TargetAggregateIdentifier PropertyId propertyId,
                      UnitId unitId,
                      UnitSpec spec,
                      Actor requestedBy,
                      @TargetAggregateVersion Long expectedVersion) {
}
