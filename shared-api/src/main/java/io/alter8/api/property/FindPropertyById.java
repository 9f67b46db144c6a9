package io.alter8.api.property;

import io.alter8.api.common.PropertyId;

public record FindPropertyById(PropertyId propertyId) {
}
