package io.alter8.api.user;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.alter8.api.common.WireEnum;

/**
 * A day an agent works (the marketplace model stores 1 = Monday … 7 = Sunday; {@link #isoNumber()} gives that number).
 */
public enum Weekday implements WireEnum {
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    @JsonValue
    @Override
    public String wire() {
        return WireEnum.super.wire();
    }

    @JsonCreator
    public static Weekday fromWire(String value) {
        return WireEnum.fromWire(Weekday.class, value);
    }

    public int isoNumber() {
        return ordinal() + 1;
    }
}
