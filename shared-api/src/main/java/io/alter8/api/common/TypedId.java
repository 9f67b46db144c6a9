package io.alter8.api.common;

import java.util.UUID;

/** What every typed id shares: a UUID value, written as its plain string. */
public interface TypedId {

    UUID value();

    static UUID parse(String text, String what) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(what + " must be a UUID");
        }
    }
}
