package io.alter8.query.processing;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work a handler leaves for after the batch of events it is part of has committed: told to others (Redis, live
 * streams) only once the rows are there, and done once per batch rather than once per event. Outside a batch (a
 * handler called directly) it runs at once.
 *
 * <p>Axon runs a batch's after-commit callbacks in reverse order of its events, so the batch gets one callback,
 * registered by its first event that asks, which sees everything the later events added, in their order.
 */
public final class AfterBatch {

    private AfterBatch() {
    }

    /**
     * Adds to the batch's {@code key} state (made by {@code initial} for the first event that asks); {@code done}
     * gets the state once, after the batch commits.
     */
    public static <T> void add(String key, Supplier<T> initial, Consumer<T> add, Consumer<T> done) {
        if (!CurrentUnitOfWork.isStarted()) {
            T state = initial.get();
            add.accept(state);
            done.accept(state);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T state = batch.getOrComputeResource(AfterBatch.class.getName() + "." + key, k -> {
            T made = initial.get();
            batch.afterCommit(u -> done.accept(made));
            return made;
        });
        add.accept(state);
    }

    /** Runs {@code action} after the batch commits, after what the batch's earlier events asked under {@code key}. */
    public static void inOrder(String key, Runnable action) {
        AfterBatch.<List<Runnable>>add(key, ArrayList::new, actions -> actions.add(action),
                                       actions -> actions.forEach(Runnable::run));
    }

    /** Runs {@code action} once after the batch commits, however many of its events ask under {@code key}. */
    public static void once(String key, Runnable action) {
        AfterBatch.<boolean[]>add(key, () -> new boolean[1], asked -> asked[0] = true, asked -> action.run());
    }
}
