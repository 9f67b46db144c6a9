package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

/** A unit's description replaced as a whole. */
@Revision("1")
public record UnitRevised(PropertyId propertyId,
                          UnitId unitId,
                          UnitSpec spec) {
}
