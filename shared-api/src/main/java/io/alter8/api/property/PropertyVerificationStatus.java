package io.alter8.api.property;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The outcome of verifying a property (marketplace model {@code properties.verification_status}). */
public enum PropertyVerificationStatus implements WireEnum {
    PENDING, IN_PROGRESS, VERIFIED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PropertyVerificationStatus fromWire(String value) {
        return WireEnum.fromWire(PropertyVerificationStatus.class, value);
    }
}
