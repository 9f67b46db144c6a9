package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How a late fee is reckoned: a flat sum, or a percentage of the charge's rent. */
public enum LateFeeKind implements WireEnum {
    FLAT, PERCENT;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static LateFeeKind fromWire(String value) {
        return WireEnum.fromWire(LateFeeKind.class, value);
    }
}
