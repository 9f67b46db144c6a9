package io.alter8.command;

/**
 * An aggregate refuses a command because its state does not allow it ("lease is not fully approved"). The HTTP
 * answer is 409 with {@code code} as the problem type.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String code;

    public DomainRuleViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
