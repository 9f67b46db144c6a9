package io.alter8.command;

/**
 * The one who sends a command may not do what it asks (their role, or it is not theirs). The HTTP answer is 403;
 * the message says what it takes, never anything about the target.
 */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message, null, false, false);
    }
}
