package io.alter8.web;

/**
 * Versions as entity tags: {@code ETag: "3"}. The command side reads {@code If-Match} in one place, its
 * {@code CommandSender}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }
}
