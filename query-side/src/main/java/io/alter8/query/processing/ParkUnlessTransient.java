package io.alter8.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.util.Objects;

/**
 * Which failures become dead letters. A failure of the event itself (a value the store refuses, a bug in a handler)
 * is parked, with the innermost cause: the database's own message, not the wrapper that quotes the SQL. A failure of
 * the infrastructure (Redis or the database unreachable, a timeout) is not the event's fault and would park every
 * event while it lasts: it fails the batch instead, which rolls back and is retried after a back-off, as before.
 */
final class ParkUnlessTransient implements EnqueuePolicy<EventMessage<?>> {

    /** Thrown instead of parking: the batch fails, its transaction rolls back, and the processor retries it. */
    static final class TransientFailure extends RuntimeException {

        TransientFailure(Throwable cause) {
            super("not parked, the batch is retried: " + cause.getMessage(), cause);
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTransient(cause)) {
            throw new TransientFailure(cause);
        }
        Throwable root = Objects.requireNonNullElse(NestedExceptionUtils.getMostSpecificCause(cause), cause);
        String message = Objects.requireNonNullElse(root.getMessage(), "");
        if (message.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE) {
            message = message.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE);
        }
        return Decisions.enqueue(new ThrowableCause(root.getClass().getName(), message));
    }

    private static boolean isTransient(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
