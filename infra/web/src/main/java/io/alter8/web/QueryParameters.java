package io.alter8.web;

import io.alter8.api.common.WireEnum;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Query-string values taken as text and checked here, so that one 400 names every bad parameter (Spring's own
 * conversion stops at the first). Each method adds what is wrong to {@code errors} and answers null for it; blank
 * means absent.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static <E extends Enum<E> & WireEnum> E wire(String field, String value, Function<String, E> fromWire,
                                                        Class<E> type, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return fromWire.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of: " + WireEnum.allowed(type)));
            return null;
        }
    }

    /** An id as its typed id's {@code of} reads it ({@code PropertyId::of}). */
    public static <T> T id(String field, String value, Function<String, T> of, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return of.apply(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a UUID"));
            return null;
        }
    }

    public static Boolean bool(String field, String value, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                errors.add(new FieldError(field, "must be true or false"));
                yield null;
            }
        };
    }

    /** A whole number (its range is the caller's to check). */
    public static Integer whole(String field, String value, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** A whole number of at least {@code min}. */
    public static Integer whole(String field, String value, int min, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(field, "must be a whole number, " + min + " or more"));
        return null;
    }

    /** A whole number from {@code min} to {@code max} that may exceed an int (a position in the event log). */
    public static Long whole(String field, String value, long min, long max, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            long number = Long.parseLong(text);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(field, max == Long.MAX_VALUE ? "must be a whole number, " + min + " or more"
                                                               : "must be a whole number from " + min + " to " + max));
        return null;
    }

    /** As {@link #whole(String, String, long, long, List)}, and absent is an error too: "is required". */
    public static Long requiredWhole(String field, String value, long min, long max, List<FieldError> errors) {
        if (text(value) == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return whole(field, value, min, max, errors);
    }

    /** An instant in ISO-8601 UTC ({@code 2026-01-31T10:00:00Z}). */
    public static Instant instant(String field, String value, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an instant like 2026-01-31T10:00:00Z"));
            return null;
        }
    }

    /** A decimal number, 0 or more, without trailing zeros (so equal values are equal). */
    public static BigDecimal decimal(String field, String value, List<FieldError> errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.signum() >= 0 && number.precision() - number.scale() <= 12) {
                return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(field, "must be a number, 0 or more"));
        return null;
    }
}
