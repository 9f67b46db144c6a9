package io.alter8.api.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/** How often a subscription is billed (management model {@code subscriptions.payment_frequency}). */
public enum PaymentFrequency implements WireEnum {
    MONTHLY, ANNUAL;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static PaymentFrequency fromWire(String value) {
        return WireEnum.fromWire(PaymentFrequency.class, value);
    }
}
