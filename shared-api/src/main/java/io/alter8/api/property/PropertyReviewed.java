package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** A tenant of a past or current lease rated the property 1–5; a later review by the same tenant replaces theirs. */
@Revision("1")
public record PropertyReviewed(PropertyId propertyId,
                               UserId reviewer,
                               int rating,
                               String comment) {
}
