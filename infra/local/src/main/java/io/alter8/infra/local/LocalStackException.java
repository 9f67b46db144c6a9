package io.alter8.infra.local;

/** The local stack could not start or a part of it failed; the message says which part and why. */
public final class LocalStackException extends RuntimeException {

    LocalStackException(String message) {
        super(message);
    }

    LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
