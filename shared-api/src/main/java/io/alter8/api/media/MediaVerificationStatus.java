package io.alter8.api.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** A field executive's or admin's review of a medium: pending until reviewed. */
public enum MediaVerificationStatus implements WireEnum {
    PENDING, APPROVED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static MediaVerificationStatus fromWire(String value) {
        return WireEnum.fromWire(MediaVerificationStatus.class, value);
    }
}
