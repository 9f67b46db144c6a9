package io.alter8.command;

/**
 * A command names a part of an aggregate that does not exist (a unit of a property). The HTTP answer is 404, as for
 * an unknown aggregate.
 */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message, null, false, false);
    }
}
