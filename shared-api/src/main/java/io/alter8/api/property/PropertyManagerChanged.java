package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UserId;
import org.axonframework.serialization.Revision;

/** The property manager who runs the property for its owner changed; either may be null (none). */
@Revision("1")
public record PropertyManagerChanged(PropertyId propertyId,
                                     UserId previousManager,
                                     UserId manager,
                                     UserId changedBy) {
}
