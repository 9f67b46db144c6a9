package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a vacant unit; a property keeps at least one. */
public record RemoveUnit(@TargetAggregateIdentifier PropertyId propertyId,
                         UnitId unitId,
                         Actor requestedBy,
                         @TargetAggregateVersion Long expectedVersion) {
}
