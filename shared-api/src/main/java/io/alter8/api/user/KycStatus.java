package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** An owner's KYC review (marketplace model, {@code owner_profiles.kyc_status}). */
public enum KycStatus implements WireEnum {
    PENDING, IN_REVIEW, VERIFIED, REJECTED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static KycStatus fromWire(String value) {
        return WireEnum.fromWire(KycStatus.class, value);
    }
}
