package io.alter8.command.user;

import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.Mask;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Helpers for requests that carry personal data in plain text. Identity numbers are normalised (no spaces, upper
 * case) as the request is read, so that validation sees what will be encrypted, and equal numbers spelt differently
 * encrypt to equal values.
 */
final class PersonalInput {

    /** E.164 mobile numbers of either market: a contact may live in another country than the user. */
    static final String PHONE = "^\\+91[6-9][0-9]{9}$|^\\+1[2-9][0-9]{2}[2-9][0-9]{6}$";
    static final String PHONE_MESSAGE = "must be a phone number like +919876543210 or +12125550123";

    private PersonalInput() {
    }

    /** Encrypts plaintext for the user whose request it is; null stays null. */
    @FunctionalInterface
    interface Sealer {

        EncryptedValue seal(String plaintext, Mask mask);
    }

    /** An identity or account number as typed: spaces and dashes dropped, upper case; blank is absent. */
    static String compact(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Free text: stripped; blank is absent. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static <T, R> List<R> map(List<T> values, Function<T, R> mapper) {
        return values == null ? List.of() : values.stream().map(mapper).toList();
    }
}
