package io.alter8.api.user;

import java.util.Collection;
import java.util.List;

/** Collections in messages: absent means empty, and enum sets keep one order so that equal choices are equal. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static <E extends Enum<E>> List<E> sortedSet(Collection<E> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }
}
