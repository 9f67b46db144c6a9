package io.alter8.api.property;

import io.alter8.api.common.PropertyId;
import io.alter8.api.common.UnitId;
import org.axonframework.serialization.Revision;

/** A unit was added to the property (at registration too: a single-unit property gets one). */
@Revision("1")
public record UnitAdded(PropertyId propertyId,
                        UnitId unitId,
                        UnitSpec spec) {
}
