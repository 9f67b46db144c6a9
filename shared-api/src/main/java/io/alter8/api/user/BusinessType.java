package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** Under what form an owner rents out (marketplace model, {@code owner_profiles.business_type}). */
public enum BusinessType implements WireEnum {
    INDIVIDUAL, COMPANY, PARTNERSHIP;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static BusinessType fromWire(String value) {
        return WireEnum.fromWire(BusinessType.class, value);
    }
}
