package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** A tenant of a past or current lease of the property rates it 1–5 with an optional comment. */
public record ReviewProperty(@TargetAggregateIdentifier PropertyId propertyId,
                             int rating,
                             String comment,
                             Actor requestedBy,
                             @TargetAggregateVersion Long expectedVersion) {
}
