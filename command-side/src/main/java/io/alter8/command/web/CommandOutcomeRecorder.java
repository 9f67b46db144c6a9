package io.alter8.command.web;

import io.alter8.infra.eventstore.AppendedPositions;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes every command answer with the version it produced. Events applied while a command is handled pass the event
 * store's dispatch interceptor, which notes the last one in the unit of work; the command handler interceptor then
 * answers with it, and with the positions the store gives its events as they are appended ({@link AppendedPositions}).
 * This is exact even when other commands hit the same aggregate at the same time, which reading the store afterwards
 * would not be.
 */
@Component
class CommandOutcomeRecorder implements SmartInitializingSingleton {

    private static final String LAST_EVENT = CommandOutcomeRecorder.class.getName() + ".lastEvent";

    private final CommandBus commandBus;
    private final EventStore eventStore;

    CommandOutcomeRecorder(CommandBus commandBus, EventStore eventStore) {
        this.commandBus = commandBus;
        this.eventStore = eventStore;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.registerDispatchInterceptor(this::noteLastEvent);
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            AppendedPositions stored = AppendedPositions.collectFor(unitOfWork);
            chain.proceed();
            DomainEventMessage<?> last = unitOfWork.root().getResource(LAST_EVENT);
            return last == null
                    ? new CommandOutcome(null, null, stored)
                    : new CommandOutcome(last.getAggregateIdentifier(), last.getSequenceNumber(), stored);
        });
    }

    private java.util.function.BiFunction<Integer, EventMessage<?>, EventMessage<?>> noteLastEvent(
            List<? extends EventMessage<?>> messages) {
        if (CurrentUnitOfWork.isStarted() && !messages.isEmpty()
                && messages.get(messages.size() - 1) instanceof DomainEventMessage<?> last) {
            CurrentUnitOfWork.get().root().resources().put(LAST_EVENT, last);
        }
        return (index, message) -> message;
    }
}
