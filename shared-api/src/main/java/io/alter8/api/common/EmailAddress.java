package io.alter8.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address, normalised (trimmed, lower case) so that the same mailbox is the same value: uniqueness of
 * e-mail addresses across users depends on it. The full format is checked where input arrives; this only refuses
 * what cannot be an address at all.
 */
public record EmailAddress(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("email must be an address like name@example.com");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
