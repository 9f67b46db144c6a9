package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How often a recurring charge falls due (marketplace model {@code recurring_transactions.frequency}). */
public enum ChargeFrequency implements WireEnum {
    MONTHLY, QUARTERLY, ANNUALLY;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static ChargeFrequency fromWire(String value) {
        return WireEnum.fromWire(ChargeFrequency.class, value);
    }
}
