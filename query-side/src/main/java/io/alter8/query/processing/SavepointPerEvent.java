package io.alter8.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs each event handler of the read models in a savepoint of the batch's transaction. PostgreSQL refuses every
 * further statement of a transaction once one has failed ("current transaction is aborted"); rolling back to the
 * savepoint undoes only the failed event's writes, so the dead-letter queue can record it and the rest of the batch
 * commits. Costs two short statements per event (SAVEPOINT, RELEASE) in the same transaction.
 */
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    SavepointPerEvent(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new InSavepoint<>(original) : original;
    }

    private final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private InSavepoint(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target);
            }
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
