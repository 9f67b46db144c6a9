package io.alter8.command.process;

import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Optional;

/**
 * An aggregate's refusal of a process's command, as the process compensates it: a code and the aggregate's words.
 * On the local bus the refusal arrives as thrown; over Axon Server as a {@link CommandExecutionException} carrying
 * the message (and the code only when the handler put it in the details). Transient failures (a concurrent change,
 * an outage) are no refusal: the process lets them propagate and is retried.
 */
public record Refusal(String code, String detail) {

    /** {@code fallbackCode} names a refusal that crossed the bus without its code. */
    public static Optional<Refusal> of(Throwable failure, String fallbackCode) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof AxonTransientException) {
            return Optional.empty();
        }
        if (cause instanceof DomainRuleViolation violation) {
            return Optional.of(new Refusal(violation.code(), violation.getMessage()));
        }
        if (cause instanceof NotFound || cause instanceof AggregateNotFoundException) {
            return Optional.of(new Refusal("not-found", cause.getMessage()));
        }
        if (cause instanceof CommandExecutionException remote) {
            String code = remote.<Object>getDetails().filter(String.class::isInstance).map(String.class::cast)
                                .orElse(fallbackCode);
            return Optional.of(new Refusal(code, remote.getMessage()));
        }
        return Optional.empty();
    }
}
