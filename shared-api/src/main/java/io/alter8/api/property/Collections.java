package io.alter8.api.property;

import java.util.List;
import java.util.Map;

/** Collections in property messages: absent means empty, and they are immutable copies. */
final class Collections {

    private Collections() {
    }

    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <K, V> Map<K, V> copy(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }
}
