package io.alter8.command.config;

import io.alter8.command.web.CommandSender;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A creation of a new id makes the aggregate without Axon's load (which throws for a new id); a creation of an id
 * with events loads it as Axon does, so a repeat is answered from the stored state; an id the service made for the
 * command is not looked for at all.
 */
class NewAggregatesTest {

    @SuppressWarnings("unchecked")
    final Repository<Object> axon = mock(Repository.class);
    final EventStore events = mock(EventStore.class);
    final NewAggregates.Creating<Object> creating = new NewAggregates.Creating<>(axon, events);
    final Callable<Object> factory = Object::new;
    @SuppressWarnings("unchecked")
    final Aggregate<Object> aggregate = mock(Aggregate.class);
    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("create"));

    @AfterEach
    void endTheUnitOfWork() {
        if (unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    @Test
    void aNewIdIsCreatedWithoutALoad() throws Exception {
        when(events.lastSequenceNumberFor("new")).thenReturn(Optional.empty());
        when(axon.newInstance(factory)).thenReturn(aggregate);

        assertThat(creating.loadOrCreate("new", factory)).isSameAs(aggregate);
        verify(axon, never()).loadOrCreate(anyString(), any());
        verify(axon, never()).load(anyString());
    }

    @Test
    void anIdMadeForTheCommandIsCreatedWithoutAskingTheStore() throws Exception {
        handling(Map.of(CommandSender.MADE_ID, "made"));
        when(axon.newInstance(factory)).thenReturn(aggregate);

        assertThat(creating.loadOrCreate("made", factory)).isSameAs(aggregate);
        verify(events, never()).lastSequenceNumberFor(anyString());
        verify(axon, never()).loadOrCreate(anyString(), any());
    }

    @Test
    void anIdMadeForAnotherAggregateDoesNotSpareTheLookForThisOne() throws Exception {
        handling(Map.of(CommandSender.MADE_ID, "another"));
        when(events.lastSequenceNumberFor("stored")).thenReturn(Optional.of(3L));
        when(axon.loadOrCreate("stored", factory)).thenReturn(aggregate);

        assertThat(creating.loadOrCreate("stored", factory)).isSameAs(aggregate);
        verify(axon, never()).newInstance(any());
    }

    /** The command being handled, with {@code metaData}, in place of the plain one. */
    private void handling(Map<String, String> metaData) {
        unitOfWork.rollback();
        unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("create")
                                                                        .andMetaData(metaData));
    }

    @Test
    void anIdWithEventsIsLoadedAsAxonLoadsIt() throws Exception {
        when(events.lastSequenceNumberFor("stored")).thenReturn(Optional.of(1L));
        when(axon.loadOrCreate("stored", factory)).thenReturn(aggregate);

        assertThat(creating.loadOrCreate("stored", factory)).isSameAs(aggregate);
        verify(axon, never()).newInstance(any());
    }
}
