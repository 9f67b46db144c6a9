package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The two markets Alter8 serves, as ISO 3166-1 alpha-2 codes ({@code IN}, {@code US}, as in {@link Address}). A
 * user's country decides which identity numbers, phone and postal formats apply to them.
 */
public enum Country implements WireEnum {
    IN, US;

    /** ISO codes are upper case, unlike the data models' other enums. */
    @JsonValue
    @Override
    public String wire() {
        return name();
    }

    @JsonCreator
    public static Country fromWire(String value) {
        return WireEnum.fromWire(Country.class, value);
    }
}
