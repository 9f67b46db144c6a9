package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** The kind of agreement (marketplace model {@code leases.agreement_type}). */
public enum AgreementType implements WireEnum {
    STANDARD, CUSTOM, LEGAL;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static AgreementType fromWire(String value) {
        return WireEnum.fromWire(AgreementType.class, value);
    }
}
