package io.alter8.query.processing;

import io.alter8.query.QuerySideTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' batches commit without waiting for the disk; the service's other transactions, and the
 * connection once a batch is over, keep the server's setting. (The tests' server does not wait for the disk at all,
 * so the setting is told by where it comes from: a transaction's own is the "session" one.)
 */
@QuerySideTest
class ProcessorTransactionsTest {

    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    Configuration axon;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    /** The setting and its source, e.g. "off session" or "on configuration file". */
    private String synchronousCommit() {
        return jdbc.queryForObject("SELECT setting || ' ' || source FROM pg_settings WHERE name = 'synchronous_commit'",
                                   String.class);
    }

    @Test
    void theProcessorsTransactionsCommitWithoutWaitingForTheDisk() {
        assertThat(axon.getComponent(TransactionManager.class)).isSameAs(axonTransactions);

        assertThat(axonTransactions.fetchInTransaction(this::synchronousCommit)).isEqualTo("off session");
        // The setting ends with the transaction: the pooled connection goes back as it was.
        String afterwards = transaction.execute(status -> synchronousCommit());
        assertThat(afterwards).doesNotEndWith(" session");
    }

    @Test
    void aTransactionARequestBeganKeepsItsSettingWhenAxonJoinsIt() {
        String joined = transaction.execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = on");
            return axonTransactions.fetchInTransaction(this::synchronousCommit);
        });

        assertThat(joined).isEqualTo("on session");
    }
}
