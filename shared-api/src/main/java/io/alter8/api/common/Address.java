package io.alter8.api.common;

import java.util.Objects;

/**
 * A postal address. {@code country} is the ISO 3166-1 alpha-2 code ({@code IN}, {@code US}); the postal code is an
 * Indian pincode or a US ZIP code depending on it.
 */
public record Address(String line1, String line2, String city, String state, String postalCode, String country) {

    public Address {
        requireText(line1, "line1");
        requireText(city, "city");
        requireText(state, "state");
        requireText(postalCode, "postalCode");
        requireText(country, "country");
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
