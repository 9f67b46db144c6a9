package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** Where a charge of the rent schedule stands (marketplace model {@code rent_payments.status}). */
public enum ChargeStatus implements WireEnum {
    PENDING, PARTIAL, PAID, OVERDUE, WAIVED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static ChargeStatus fromWire(String value) {
        return WireEnum.fromWire(ChargeStatus.class, value);
    }
}
