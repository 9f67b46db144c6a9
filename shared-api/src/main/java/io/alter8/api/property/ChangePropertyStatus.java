package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Moves the property in its life; {@code rented} is the leasing process's alone. */
public record ChangePropertyStatus(@TargetAggregateIdentifier PropertyId propertyId,
                                   PropertyStatus status,
                                   String reason,
                                   Actor requestedBy,
                                   @TargetAggregateVersion Long expectedVersion) {
}
