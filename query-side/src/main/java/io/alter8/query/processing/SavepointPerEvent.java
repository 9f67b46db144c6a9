package io.alter8.query.processing;

import io.alter8.query.jdbc.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Duration;

/**
 * Runs an event handler of the read models in a savepoint of the batch's transaction when a failure is likely: while
 * its processor has failed a batch in the last minute, and while a dead letter is retried. PostgreSQL refuses every
 * further statement of a transaction once one has failed ("current transaction is aborted"); rolling back to the
 * savepoint undoes only the failed event's writes, so the dead-letter queue can record it and the rest of the batch
 * commits with its token.
 * <p>
 * Not always: a savepoint and its release are two more round trips per event, which halved the rate of plain
 * upserts here (about 18,000 to 8,000 events/s in batches of 250). So a poison event first fails its batch (nothing
 * is committed, the segment is released), and the retry, a few seconds later, parks it.
 */
class SavepointPerEvent implements HandlerEnhancerDefinition {

    static final Duration CAREFUL_AFTER_FAILURE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final ProcessorErrors errors;

    SavepointPerEvent(DataSource dataSource, ProcessorErrors errors) {
        this.dataSource = dataSource;
        this.errors = errors;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        ProcessingGroup group = AnnotationUtils.findAnnotation(original.declaringClass(), ProcessingGroup.class);
        return group == null ? original : new InSavepoint<>(original, group.value());
    }

    private boolean careful(String processor) {
        boolean retryingDeadLetter =
                CurrentUnitOfWork.map(uow -> uow.resources().containsKey(DeadLetter.class.getName())).orElse(false);
        // A rebuild's processor runs the same handlers under a name of its own, and its failures are its own.
        String failing = ShadowTransaction.processor().orElse(processor);
        return retryingDeadLetter || errors.failedWithin(failing, CAREFUL_AFTER_FAILURE);
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final String processor;

        private InSavepoint(MessageHandlingMember<T> delegate, String processor) {
            super(delegate);
            this.processor = processor;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive() || !careful(processor)) {
                return super.handle(message, target);
            }
            // A replayed batch would hold its writes until it commits, out of the savepoint: here each event
            // writes at once, so that its own failure is caught here.
            CurrentUnitOfWork.ifStarted(uow -> uow.root().resources().put(VersionedRows.WRITE_AT_ONCE, Boolean.TRUE));
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Savepoint savepoint = connection.setSavepoint();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error e) {
                    connection.rollback(savepoint);
                    throw e;
                }
                connection.releaseSavepoint(savepoint);
                return result;
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
