package io.alter8.infra.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * Axon's JDBC stores and Spring transactions, wired for Spring Boot 4.
 * <p>
 * Axon 4.13's own JDBC and transaction auto-configurations order themselves after Boot 3's class names; under Boot 4
 * they run before the DataSource exists, so Axon silently falls back to in-memory tokens and a no-op transaction
 * manager. This configuration runs after Boot 4's JDBC and JPA configurations and before Axon's, so Axon sees these
 * beans and backs off. Every bean yields to one a service defines itself (the query side brings its own storage
 * engine, reading another database).
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
public class AxonJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PlatformTransactionManager.class)
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        // Spring's connection for the running transaction, so Axon's writes commit with the application's.
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean
    Jackson3SerializerCustomizer alter8SerializerCustomizer() {
        return EventSerialization.customizer();
    }

    @Bean
    @ConditionalOnMissingBean
    EventSchema eventSchema() {
        return AxonSchemas.eventSchema();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenSchema tokenSchema() {
        return AxonSchemas.tokenSchema();
    }

    @Bean
    @ConditionalOnMissingBean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        JdbcEventStorageEngine.Builder builder =
                JdbcEventStorageEngine.builder()
                                      // Aggregate state is in private fields: its own mapping, same JSON format.
                                      .snapshotSerializer(AggregateSnapshots.serializer())
                                      .eventSerializer(eventSerializer)
                                      .upcasterChain(configuration.upcasterChain())
                                      .snapshotFilter(configuration.snapshotFilter())
                                      .persistenceExceptionResolver(persistenceExceptionResolver)
                                      .connectionProvider(connectionProvider)
                                      .transactionManager(transactionManager)
                                      .schema(eventSchema)
                                      .appendEvents(AppendedPositions::appendEvents);
        return new QuietHeadJdbcEngine(builder);
    }

    /**
     * Axon's embedded store, whose streams call the processors back when events arrive
     * ({@link SignallingEventStore}); without that, a process (saga) or notification heard of an event up to 500 ms
     * after its commit. Events this process commits wake the store's reader at once; others' (another node's) within
     * Axon's default fetch delay.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return new SignallingEventStore(
                EmbeddedEventStore.builder()
                                  .storageEngine(storageEngine)
                                  .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                  .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                  .cachedEvents(SignallingEventStore.CACHED_EVENTS));
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema) {
        return JdbcTokenStore.builder()
                             // Axon names a claim's owner "pid@host", which two instances can share (two Spring
                             // contexts in one JVM; containers whose process is pid 1 under one hostname): both would
                             // then process the same segment. One name per instance keeps a claim to one of them; a
                             // crashed instance's claims pass on after the claim timeout.
                             .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                             .connectionProvider(connectionProvider)
                             .serializer(serializer)
                             .schema(tokenSchema)
                             .claimTimeout(Duration.ofSeconds(10))
                             .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcSagaStore.builder()
                            .connectionProvider(connectionProvider)
                            .serializer(serializer)
                            .sqlSchema(new PostgresSagaSqlSchema(AxonSchemas.sagaSchema()))
                            .build();
    }
}
