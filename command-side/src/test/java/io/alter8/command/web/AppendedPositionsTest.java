package io.alter8.command.web;

import io.alter8.command.CommandSideTest;
import io.alter8.infra.eventstore.AppendedPositions;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The positions a command's events are stored at, as their INSERT returns them: what its answer carries without
 * asking the store again. Each test rolls its events back, so no other test or processor ever sees them.
 */
@CommandSideTest
class AppendedPositionsTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eventsStoredInAUnitOfWorkWithACollectorHaveTheirPositionsNoted() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        inARolledBackTransaction(() -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            AppendedPositions stored = AppendedPositions.collectFor(unitOfWork);
            eventStore.publish(event(first, 0), event(first, 1), event(second, 0));
            unitOfWork.commit();

            assertThat(stored.positionOf(first, 0)).hasValue(positionOf(first, 0));
            assertThat(stored.positionOf(first, 1)).hasValue(positionOf(first, 1));
            assertThat(stored.positionOf(second, 0)).hasValue(positionOf(second, 0));
            assertThat(stored.positionOf(second, 1)).isEmpty();
            assertThat(stored.last(first)).contains(new AppendedPositions.Stored(1, positionOf(first, 1)));
            assertThat(stored.last(UUID.randomUUID().toString())).isEmpty();
        });
    }

    @Test
    void eventsStoredWithoutACollectorAreStoredAsBefore() {
        String id = UUID.randomUUID().toString();
        inARolledBackTransaction(() -> {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            eventStore.publish(event(id, 0));
            unitOfWork.commit();

            assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                           Long.class, id)).isEqualTo(1);
        });
    }

    private void inARolledBackTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private long positionOf(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                                           + "AND sequence_number = ?", Long.class, aggregateId, sequence);
    }

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, "probe " + sequence);
    }
}
