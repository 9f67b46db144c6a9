package io.alter8.query.user;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lists kept in one text column for filtering with plain SQL: lower case, each value between bars
 * ({@code |pune|mumbai|}), so that {@code LIKE '%|pune|%'} matches a whole value and nothing inside another one.
 */
final class Keys {

    private Keys() {
    }

    static String join(List<String> values) {
        List<String> keys = values.stream().filter(v -> v != null && !v.isBlank()).map(Keys::key).distinct().toList();
        return keys.isEmpty() ? null : "|" + String.join("|", keys) + "|";
    }

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace("|", " ");
    }

    static String pattern(String value) {
        return "%|" + escapeLike(key(value)) + "|%";
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The values as the agent wrote them are not kept; the lower-case keys are shown. */
    static List<String> split(String joined) {
        if (joined == null) {
            return List.of();
        }
        return Arrays.stream(joined.split("\\|")).filter(s -> !s.isEmpty()).toList();
    }
}
