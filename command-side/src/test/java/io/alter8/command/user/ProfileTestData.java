package io.alter8.command.user;

import io.alter8.command.validation.IndianIds;
import io.alter8.command.auth.TestUsers;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Users signed up through the API and identity numbers that pass their checks. Numbers are random: PAN and Aadhaar
 * are unique across users, and every test class shares one event store.
 */
final class ProfileTestData {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private ProfileTestData() {
    }

    static UUID register(ApiClient anonymous, String role, String country) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String phone = country.equals("US")
                ? "+1212" + random.nextInt(2, 10) + "%06d".formatted(random.nextInt(1_000_000))
                : "+919" + "%09d".formatted(random.nextInt(1_000_000_000));
        return TestUsers.register(anonymous, "user-" + UUID.randomUUID() + "@example.com", phone, role, country,
                                  "a long enough password").id();
    }

    /** A person's PAN (4th letter P). */
    static String pan() {
        int digits = ThreadLocalRandom.current().nextInt(10_000);
        return letters(3) + "P" + letters(1) + "%04d".formatted(digits) + letters(1);
    }

    static String aadhaar() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first11 = random.nextInt(2, 10) + "%010d".formatted(random.nextLong(10_000_000_000L));
        for (int check = 0; check < 10; check++) {
            if (IndianIds.isAadhaar(first11 + check)) {
                return first11 + check;
            }
        }
        throw new IllegalStateException("no Verhoeff check digit for " + first11);
    }

    /** The same number with its last digit changed: the right shape, a failing check digit. */
    static String mistyped(String aadhaar) {
        int last = aadhaar.charAt(11) - '0';
        return aadhaar.substring(0, 11) + (last + 1) % 10;
    }

    /** A GSTIN of the holder of {@code pan}, in Karnataka. */
    static String gstin(String pan) {
        for (char check : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            String candidate = "29" + pan + "1Z" + check;
            if (IndianIds.isGstin(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no GSTIN check character for " + pan);
    }

    static String accountNumber() {
        return "5010" + "%010d".formatted(ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    /** A Maharashtra-style RERA registration number. */
    static String reraLicence() {
        return "A519" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String letters(int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
        }
        return s.toString();
    }
}
