package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * The union of both markets' property types (marketplace model: apartment … pg; management model: single_family …
 * commercial).
 */
public enum PropertyType implements WireEnum {
    APARTMENT, HOUSE, VILLA, COMMERCIAL, PLOT, PG, SINGLE_FAMILY, MULTI_FAMILY, CONDO;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PropertyType fromWire(String value) {
        return WireEnum.fromWire(PropertyType.class, value);
    }
}
