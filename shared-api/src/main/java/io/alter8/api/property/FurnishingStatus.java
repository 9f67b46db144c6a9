package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How a property comes furnished (marketplace model {@code furnishing_status}). */
public enum FurnishingStatus implements WireEnum {
    UNFURNISHED, SEMI_FURNISHED, FULLY_FURNISHED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static FurnishingStatus fromWire(String value) {
        return WireEnum.fromWire(FurnishingStatus.class, value);
    }
}
