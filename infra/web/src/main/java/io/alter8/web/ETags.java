package io.alter8.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions as entity tags: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for, or null when there is none. */
    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Matcher m = VERSION.matcher(header);
        if (!m.matches()) {
            throw ApiException.badInput("If-Match", "must be one quoted version, like \"3\"");
        }
        return Long.parseLong(m.group(1));
    }
}
