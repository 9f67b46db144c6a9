package io.alter8.query.processing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;

/**
 * The transaction of a processor that fills the copy of a read model during a blue/green rebuild. It resolves table
 * names to the copy's schema first ({@code SET LOCAL search_path}, undone at commit or rollback, so the pooled
 * connection goes back as it came), and marks itself on the thread so that what must not happen for a copy nobody
 * reads yet (cache evictions) can be skipped.
 */
public final class ShadowTransaction {

    private static final Object KEY = ShadowTransaction.class;

    private ShadowTransaction() {
    }

    /** Whether the current transaction writes a read model's copy rather than the read model queries see. */
    public static boolean active() {
        return TransactionSynchronizationManager.hasResource(KEY);
    }

    /** The name of the processor filling the copy in the current transaction, if any. */
    static Optional<String> processor() {
        return Optional.ofNullable((String) TransactionSynchronizationManager.getResource(KEY));
    }

    /** Turns the transaction just begun (synchronisation active) into one writing {@code schema}'s tables first. */
    static void begin(JdbcTemplate jdbc, String processor, String schema, String liveSchema) {
        if (active()) {
            return;
        }
        jdbc.execute("SET LOCAL search_path TO " + schema + ", " + liveSchema);
        TransactionSynchronizationManager.bindResource(KEY, processor);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
        });
    }
}
