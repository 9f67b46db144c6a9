package io.alter8.api.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as the data models spell them: lower_snake_case. */
public interface WireEnum {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> E fromWire(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of: " + allowed(type));
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
