package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.user.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Makes the listing private, public or featured; only a verified, active property goes public. */
public record ChangeListingStatus(@TargetAggregateIdentifier PropertyId propertyId,
                                  ListingStatus status,
                                  Actor requestedBy,
                                  @TargetAggregateVersion Long expectedVersion) {
}
