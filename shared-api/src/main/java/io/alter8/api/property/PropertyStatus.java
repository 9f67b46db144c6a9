package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Where a property is in its life (marketplace model {@code properties.status}; management model {@code is_active} is
 * {@code active}). {@code rented} is set only by the leasing process.
 */
public enum PropertyStatus implements WireEnum {
    DRAFT, ACTIVE, RENTED, MAINTENANCE, INACTIVE, SOLD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PropertyStatus fromWire(String value) {
        return WireEnum.fromWire(PropertyStatus.class, value);
    }
}
