package io.alter8.infra.privacy;

/**
 * An encrypted value failed its integrity check: it was altered, moved to another key, or its data key was not
 * wrapped by the configured master key.
 */
public class PersonalDataCorrupted extends RuntimeException {

    PersonalDataCorrupted(String message, Throwable cause) {
        super(message, cause);
    }
}
