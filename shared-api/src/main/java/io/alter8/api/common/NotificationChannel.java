package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a notification can reach a user (marketplace model, notifications' {@code channels}). */
public enum NotificationChannel implements WireEnum {
    IN_APP, EMAIL, SMS, WHATSAPP;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static NotificationChannel fromWire(String value) {
        return WireEnum.fromWire(NotificationChannel.class, value);
    }
}
