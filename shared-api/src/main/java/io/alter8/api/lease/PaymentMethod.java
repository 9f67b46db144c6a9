package io.alter8.api.lease;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How a payment was made (marketplace model {@code rent_payments.payment_method}). */
public enum PaymentMethod implements WireEnum {
    UPI, BANK_TRANSFER, CHEQUE, CASH, CARD;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PaymentMethod fromWire(String value) {
        return WireEnum.fromWire(PaymentMethod.class, value);
    }
}
