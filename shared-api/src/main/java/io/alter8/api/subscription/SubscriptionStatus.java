package io.alter8.api.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * Where a subscription is (management model {@code subscriptions.status}): {@code trial} and {@code active} give the
 * plan's features; {@code cancelled} and {@code expired} leave the account on the free tier.
 */
public enum SubscriptionStatus implements WireEnum {
    TRIAL, ACTIVE, CANCELLED, EXPIRED;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static SubscriptionStatus fromWire(String value) {
        return WireEnum.fromWire(SubscriptionStatus.class, value);
    }

    /** Whether the plan's features apply: a trial does, as a paid subscription does. */
    public boolean inForce() {
        return this == TRIAL || this == ACTIVE;
    }
}
