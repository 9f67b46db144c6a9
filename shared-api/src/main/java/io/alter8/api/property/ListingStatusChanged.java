package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** Who sees the listing changed (private, public, featured). */
@Revision("1")
public record ListingStatusChanged(PropertyId propertyId,
                                   ListingStatus previousStatus,
                                   ListingStatus status,
                                   UserId changedBy) {
}
