package io.alter8.api.property;

import io.alter8.api.common.PropertyId;

/** The units of a property and how many are vacant. */
public record FindPropertyUnits(PropertyId propertyId) {
}
