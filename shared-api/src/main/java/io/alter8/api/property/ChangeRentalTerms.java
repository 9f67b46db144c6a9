package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces the rental terms. */
public record ChangeRentalTerms(@TargetAggregateIdentifier PropertyId propertyId,
                                RentalTerms terms,
                                Actor requestedBy,
                                @TargetAggregateVersion Long expectedVersion) {
}
