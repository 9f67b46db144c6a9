package io.alter8.query.processing;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The query side's transactions for Axon's work (a processor's batch with its token, the dead-letter queue, a
 * rebuild's copy) commit without waiting for PostgreSQL to flush its log to the disk ({@code synchronous_commit =
 * off}, that transaction only). Everything they write is derived from the event store, and a batch's rows commit with
 * its token: a crash of the database within its flush delay (three times {@code wal_writer_delay}, 0.6 s by default)
 * loses the last batches whole, tokens included, and the processors read those events again. The service's own
 * writes from requests (a notification marked read) run in Spring's transactions and wait for the disk as before.
 * <p>
 * Why: on a busy disk a flush took 40–85 ms at times, and every batch committing then waited for it, so each event
 * of that moment reached its read model that much later (docs/decisions.md, "The read models commit without waiting
 * for the disk").
 */
@Configuration(proxyBeanMethods = false)
class ProcessorTransactions {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        TransactionManager spring = new SpringTransactionManager(transactions);
        return () -> {
            // A transaction joined (one a request began) keeps its own setting.
            boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
            return joined ? spring.startTransaction()
                    : preparedBy(spring, () -> jdbc.execute("SET LOCAL synchronous_commit = off")).startTransaction();
        };
    }

    /**
     * Transactions of {@code transactions} that run {@code prepare} as they begin; one whose preparation fails is
     * rolled back and the failure thrown.
     */
    static TransactionManager preparedBy(TransactionManager transactions, Runnable prepare) {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                prepare.run();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }
}
