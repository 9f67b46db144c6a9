package io.alter8.query.processing;

import io.alter8.infra.eventstore.AxonSchemas;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every processing group of the query side has a sequenced dead-letter queue in PostgreSQL ({@code dead_letter_entry},
 * created by Flyway in {@code db/axon-processing}). An event whose handler fails is parked there, with the events of
 * the same aggregate that follow it (they must not overtake it); every other aggregate's events go on. Without it a
 * failing event stops its whole segment for good: Axon retries the batch forever.
 * <p>
 * PostgreSQL aborts the whole transaction on an error, so the dead letter cannot be written in the transaction of
 * the batch that failed: that batch rolls back, and its retry runs each event in a savepoint
 * ({@link SavepointPerEvent}), where the failing one is rolled back alone and parked. The dead letter, the other
 * events of the batch and the token then commit together.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetterQueues deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return group -> JdbcSequencedDeadLetterQueue.builder()
                                                    .processingGroup(group)
                                                    .connectionProvider(connectionProvider)
                                                    .transactionManager(transactionManager)
                                                    .schema(AxonSchemas.deadLetterSchema())
                                                    .genericSerializer(serializer)
                                                    .eventSerializer(eventSerializer)
                                                    .build();
    }

    @Bean
    ConfigurerModule deadLetterQueueForEveryProcessingGroup(DeadLetterQueues queues, ListableBeanFactory beans) {
        Set<String> groups = processingGroups(beans);
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                var processing = configurer.eventProcessing();
                processing.registerDeadLetterQueueProvider(group -> configuration -> queues.forGroup(group))
                          .registerDefaultDeadLetterPolicy(configuration -> new ParkUnlessTransient());
                // Remember per segment which aggregates have dead letters, so that an event of any other aggregate
                // costs no look-up in the queue; a reset (rebuild) empties the group's queue with its read model.
                groups.forEach(group -> processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (configuration, builder) -> builder.enableSequenceIdentifierCache().allowReset(true)));
            }

            @Override
            public int order() {
                // After Axon's own modules, so that no default provider replaces this one.
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    ConfigurerModule processorErrorsRecorded(ProcessorErrors errors) {
        return errors.asDefaultErrorHandler();
    }

    @Bean
    SavepointPerEvent savepointPerEvent(DataSource dataSource, ProcessorErrors errors) {
        return new SavepointPerEvent(dataSource, errors);
    }

    /** The dead-letter queue of one processing group (or of the processor filling a read model's copy). */
    interface DeadLetterQueues {

        SequencedDeadLetterQueue<EventMessage<?>> forGroup(String group);
    }

    /** The groups named on handler beans, found without creating the beans. */
    private static Set<String> processingGroups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                     .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                     .filter(Objects::nonNull)
                     .map(ProcessingGroup::value)
                     .collect(Collectors.toUnmodifiableSet());
    }
}
