package io.alter8.command;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Function;

/**
 * Asks an aggregate a question in the caller's unit of work, so a command handler checks another aggregate's own
 * events rather than a read model that may lag behind them.
 */
public final class AggregateQuestions {

    private AggregateQuestions() {
    }

    /** The answer, or empty when the id names no aggregate, or another kind of aggregate. */
    public static <A, R> Optional<R> ask(Repository<A> repository, Object id, Function<A, R> question) {
        try {
            return Optional.of(repository.load(id.toString()).invoke(question));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }
}
