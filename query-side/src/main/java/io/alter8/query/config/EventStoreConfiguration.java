package io.alter8.query.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.alter8.infra.eventstore.AxonSchemas;
import io.alter8.infra.eventstore.SignallingEventStore;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/**
 * The query side reads the event stream straight from the command side's event store (JDBC), through a small
 * read-only pool of its own. That pool is not a Spring {@code DataSource} bean: the application's DataSource is the
 * read database, where read models and tokens commit together.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventStoreProperties.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
class EventStoreConfiguration {

    /**
     * Owns a read-only connection pool to the command side's database (the event store here, the data keys in
     * {@link PersonalDataConfiguration}) and closes it with the context.
     */
    static final class EventStoreConnections implements AutoCloseable {

        private final HikariDataSource dataSource;

        EventStoreConnections(EventStoreProperties properties, String poolName, int poolSize) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolName);
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            config.setSchema(properties.schema());
            config.setMaximumPoolSize(poolSize);
            config.setReadOnly(true);
            // The pool must not block start-up when the store is down; readiness reports it instead.
            config.setInitializationFailTimeout(-1);
            this.dataSource = new HikariDataSource(config);
        }

        HikariDataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    @Bean
    EventStoreConnections eventStoreConnections(EventStoreProperties properties) {
        return new EventStoreConnections(properties, "event-store", properties.poolSize());
    }

    @Bean
    EventStorageEngine eventStorageEngine(EventStoreConnections connections, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(new DataSourceConnectionProvider(connections.dataSource()))
                                     // Reading needs no transaction, and none on the read database.
                                     .transactionManager(NoTransactionManager.INSTANCE)
                                     .snapshotSerializer(serializer)
                                     .eventSerializer(eventSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .schema(AxonSchemas.eventSchema())
                                     .batchSize(1000)
                                     .build();
    }

    /**
     * Axon's default polls an idle store once a second; from another process that is the lag clients would see. Its
     * streams also tell the processors when events arrive ({@link SignallingEventStore}).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, EventStoreProperties properties,
                                  org.axonframework.config.Configuration configuration) {
        return new SignallingEventStore(
                EmbeddedEventStore.builder()
                                  .storageEngine(storageEngine)
                                  .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                                  .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                                  .fetchDelay(properties.fetchDelay().toMillis())
                                  .cachedEvents(SignallingEventStore.CACHED_EVENTS)
                                  .cleanupDelay(10_000)
                                  .timeUnit(TimeUnit.MILLISECONDS));
    }
}
