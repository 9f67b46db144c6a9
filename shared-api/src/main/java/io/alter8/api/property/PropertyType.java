package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The union of both markets' property types (seed 000: apartment … pg; seed 001: single_family … commercial). */
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
