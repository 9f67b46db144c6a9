package io.alter8.command.validation;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Formats and check digits of Indian identity and banking numbers. Values are expected normalised: upper case,
 * no spaces (the layer that reads input strips them).
 */
public final class IndianIds {

    private static final Pattern PAN = Pattern.compile("^[A-Z]{5}[0-9]{4}[A-Z]$");
    /**
     * The PAN's 4th letter is its holder's type: P person, C company, H Hindu undivided family, F firm, A
     * association of persons, T trust, B body of individuals, L local authority, J artificial juridical person,
     * G government.
     */
    static final String PAN_HOLDER_TYPES = "PCHFATBLJG";
    private static final Pattern AADHAAR = Pattern.compile("^[2-9][0-9]{11}$");
    private static final Pattern GSTIN = Pattern.compile("^[0-9]{2}[A-Z0-9]{10}[1-9A-Z]Z[0-9A-Z]$");
    /** GST state codes: 01–38 for the states and union territories, 96 foreign, 97 other territory, 99 centre. */
    private static final Set<Integer> EXTRA_GST_STATE_CODES = Set.of(96, 97, 99);
    private static final String GSTIN_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern IFSC = Pattern.compile("^[A-Z]{4}0[A-Z0-9]{6}$");
    private static final Pattern PINCODE = Pattern.compile("^[1-9][0-9]{5}$");
    private static final Pattern MOBILE = Pattern.compile("^\\+91[6-9][0-9]{9}$");

    // Verhoeff's dihedral group D5: multiplication, permutation and inverse tables.
    private static final int[][] D = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
            {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
            {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
            {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
            {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
            {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    private static final int[] INVERSE = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private IndianIds() {
    }

    /** A PAN ({@code ABCPE1234F}) whose 4th letter is a known holder type. */
    public static boolean isPan(String value) {
        return value != null && PAN.matcher(value).matches() && PAN_HOLDER_TYPES.indexOf(value.charAt(3)) >= 0;
    }

    /** Twelve digits, not starting with 0 or 1 (UIDAI never issues those). The check digit is separate. */
    public static boolean hasAadhaarShape(String value) {
        return value != null && AADHAAR.matcher(value).matches();
    }

    /** An Aadhaar number: its shape and its Verhoeff check digit. */
    public static boolean isAadhaar(String value) {
        return hasAadhaarShape(value) && verhoeffValid(value);
    }

    /** True when the digits, check digit last, pass Verhoeff's check. */
    static boolean verhoeffValid(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            c = D[c][P[i % 8][digit]];
        }
        return c == 0;
    }

    /** The Verhoeff check digit to append to {@code digits}. */
    static int verhoeffCheckDigit(String digits) {
        int c = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            c = D[c][P[(i + 1) % 8][digit]];
        }
        return INVERSE[c];
    }

    /**
     * A GSTIN's layout: state code, the holder's PAN, entity number (1–9, A–Z), {@code Z}, check character. The
     * check character is separate.
     */
    public static boolean hasGstinShape(String value) {
        if (value == null || !GSTIN.matcher(value).matches() || !isPan(panOfGstin(value))) {
            return false;
        }
        int state = Integer.parseInt(value.substring(0, 2));
        return (state >= 1 && state <= 38) || EXTRA_GST_STATE_CODES.contains(state);
    }

    /** A GSTIN ({@code 27AAPFU0939F1ZV}): its layout and its check character. */
    public static boolean isGstin(String value) {
        return hasGstinShape(value) && gstinCheckCharacter(value.substring(0, 14)) == value.charAt(14);
    }

    /** The PAN embedded in a GSTIN: a GSTIN belongs to the holder of that PAN. */
    public static String panOfGstin(String gstin) {
        return gstin.substring(2, 12);
    }

    /**
     * The GSTIN check character of its first 14 characters: each character's value (0–9, A=10 … Z=35) times 1 or 2
     * alternately, the product's base-36 digits summed, and the check is what brings the sum to a multiple of 36.
     */
    static char gstinCheckCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < first14.length(); i++) {
            int product = GSTIN_CHARACTERS.indexOf(first14.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return GSTIN_CHARACTERS.charAt((36 - sum % 36) % 36);
    }

    /** An IFSC ({@code HDFC0001234}): bank code, a zero, branch code. */
    public static boolean isIfsc(String value) {
        return value != null && IFSC.matcher(value).matches();
    }

    /** A 6-digit pincode, not starting with 0. */
    public static boolean isPincode(String value) {
        return value != null && PINCODE.matcher(value).matches();
    }

    /** An Indian mobile number in E.164: {@code +91} and ten digits starting with 6–9. */
    public static boolean isMobile(String value) {
        return value != null && MOBILE.matcher(value).matches();
    }
}
