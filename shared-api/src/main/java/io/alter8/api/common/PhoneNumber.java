package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +919876543210}, {@code +12125550123}): one spelling per number, so that
 * uniqueness across users holds. Country-specific formats are checked where input arrives.
 */
public record PhoneNumber(@JsonValue String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PhoneNumber {
        Objects.requireNonNull(value, "phone");
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException("phone must be in E.164 form, like +919876543210");
        }
    }

    /** The number as shown to anyone but its owner and admins (the marketplace model's {@code mask_phone_number}). */
    public String masked() {
        return Mask.PHONE.apply(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
