package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** What a recurring charge besides rent is for (marketplace model {@code recurring_transactions.transaction_type}; rent is the schedule's own). */
public enum ChargeType implements WireEnum {
    FEE, UTILITY, OTHER;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static ChargeType fromWire(String value) {
        return WireEnum.fromWire(ChargeType.class, value);
    }
}
