package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The agent who lists the property changed; either may be null (none). */
@Revision("1")
public record ListingAgentChanged(PropertyId propertyId,
                                  UserId previousAgent,
                                  UserId agent,
                                  UserId changedBy) {
}
