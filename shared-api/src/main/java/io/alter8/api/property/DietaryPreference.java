package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** An owner's dietary condition on tenants, common in India (marketplace model {@code dietary_preference}). */
public enum DietaryPreference implements WireEnum {
    VEG_ONLY, NON_VEG_OK, ANY;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static DietaryPreference fromWire(String value) {
        return WireEnum.fromWire(DietaryPreference.class, value);
    }
}
