package io.alter8.command.validation;

import java.util.regex.Pattern;

/** Formats of US identity and postal values. */
public final class UsIds {

    private static final Pattern SSN_LAST_FOUR = Pattern.compile("^[0-9]{4}$");
    private static final Pattern ZIP = Pattern.compile("^[0-9]{5}(-[0-9]{4})?$");
    /** NANP in E.164: +1, an area code and an exchange that start with 2–9, four more digits. */
    private static final Pattern PHONE = Pattern.compile("^\\+1[2-9][0-9]{2}[2-9][0-9]{6}$");

    private UsIds() {
    }

    /** The last four digits of an SSN; {@code 0000} is never issued. */
    public static boolean isSsnLastFour(String value) {
        return value != null && SSN_LAST_FOUR.matcher(value).matches() && !value.equals("0000");
    }

    /** A ZIP code or ZIP+4. */
    public static boolean isZip(String value) {
        return value != null && ZIP.matcher(value).matches();
    }

    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value).matches();
    }
}
