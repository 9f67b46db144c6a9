package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How an agent charges (marketplace model, {@code agent_profiles.commission_type}). */
public enum CommissionType implements WireEnum {
    PERCENTAGE, FLAT, TIERED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static CommissionType fromWire(String value) {
        return WireEnum.fromWire(CommissionType.class, value);
    }
}
