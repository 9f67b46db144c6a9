package io.alter8.api.common;

/** How personal data is shown to those who may not read it in full. */
public enum Mask {

    /**
     * {@code XXXXXX234F}: only the last four characters, and only of values of eight characters or more — for
     * shorter ones (an SSN's last four) those four would be the whole secret.
     */
    LAST_FOUR {
        @Override
        public String apply(String plaintext) {
            int length = plaintext.length();
            return length >= 8 ? "X".repeat(length - 4) + plaintext.substring(length - 4) : "X".repeat(length);
        }
    },

    /**
     * The marketplace model's {@code mask_phone_number}: the first two characters, {@code XXXXX} and the last three
     * ({@code +9XXXXX210}); numbers shorter than ten characters become {@code XXXXX}.
     */
    PHONE {
        @Override
        public String apply(String plaintext) {
            int length = plaintext.length();
            return length >= 10 ? plaintext.substring(0, 2) + "XXXXX" + plaintext.substring(length - 3) : "XXXXX";
        }
    },

    /**
     * A person's name: its first letter and {@code ***} ({@code A***}), so an auditor can tell values apart in a
     * history without reading them.
     */
    NAME {
        @Override
        public String apply(String plaintext) {
            String name = plaintext.strip();
            return name.isEmpty() ? "***" : name.substring(0, name.offsetByCodePoints(0, 1)) + "***";
        }
    },

    /**
     * An e-mail address: the first character of the mailbox and the top-level domain only ({@code a***@***.com});
     * the rest of the domain may name a family or a small employer.
     */
    EMAIL {
        @Override
        public String apply(String plaintext) {
            int at = plaintext.lastIndexOf('@');
            int dot = plaintext.lastIndexOf('.');
            if (at < 1 || dot < at) {
                return "***";
            }
            return plaintext.charAt(0) + "***@***" + plaintext.substring(dot);
        }
    },

    /** Nothing of the value: a date of birth, whose year alone narrows a person down. */
    HIDDEN {
        @Override
        public String apply(String plaintext) {
            return "***";
        }
    };

    public abstract String apply(String plaintext);
}
