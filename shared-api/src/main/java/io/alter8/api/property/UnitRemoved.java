package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

/** A vacant unit was taken out of the property. */
@Revision("1")
public record UnitRemoved(PropertyId propertyId,
                          UnitId unitId,
                          String unitNumber) {
}
