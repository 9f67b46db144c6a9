package io.alter8.infra.privacy;

/** The personal data asked for can no longer be read or written: its owner's data key has been shredded. */
public class PersonalDataErased extends RuntimeException {

    PersonalDataErased(String message) {
        super(message, null, false, false);
    }
}
