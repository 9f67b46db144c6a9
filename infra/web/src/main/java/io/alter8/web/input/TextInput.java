package io.alter8.web.input;

/**
 * The one rule for text that comes in over HTTP: no control characters but tab, CR and LF. PostgreSQL refuses NUL in
 * {@code text} and {@code jsonb}, so one accepted NUL becomes an event that no read model can store; the other
 * control characters have no business in names, titles or keys either, and confuse logs and terminals.
 */
public final class TextInput {

    static final String MESSAGE = "must not contain control characters (tab, CR and LF are allowed)";
    static final String KEY_MESSAGE = "is a key with control characters, which no key may contain";

    private TextInput() {
    }

    public static boolean isClean(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The text with every refused character written as {@code \\uXXXX}, so an error can name a bad key safely. */
    static String escaped(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (refused(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean refused(char c) {
        // C0 controls but tab, LF and CR; DEL and the C1 controls.
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
