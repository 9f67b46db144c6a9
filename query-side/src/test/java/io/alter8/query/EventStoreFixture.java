package io.alter8.query;

import io.alter8.infra.eventstore.AxonSchemas;
import io.alter8.infra.eventstore.EventSerialization;
import io.alter8.infra.privacy.JdbcDataKeys;
import io.alter8.infra.privacy.MasterKey;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.stack.EmbeddedStack;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plays the command side for query-side tests: the event store and data key schema as the command side migrates it,
 * events appended the way the command side appends them (same engine, serializer and table names), and personal
 * data encrypted as it encrypts it.
 */
public final class EventStoreFixture {

    private static EventStoreFixture instance;

    private final DataSource dataSource;
    private final JdbcEventStorageEngine engine;
    private final PersonalDataCipher personalData;

    private EventStoreFixture(EmbeddedStack stack) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(stack.jdbcUrl());
        ds.setUser(EmbeddedStack.USER);
        ds.setPassword("postgres");
        ds.setCurrentSchema("command_side");
        this.dataSource = ds;
        Flyway.configure().dataSource(ds).schemas("command_side")
              .locations("classpath:db/axon-processing", "classpath:db/eventstore", "classpath:db/privacy")
              .load().migrate();
        this.engine = JdbcEventStorageEngine.builder()
                                            .connectionProvider(new DataSourceConnectionProvider(ds))
                                            .transactionManager(NoTransactionManager.INSTANCE)
                                            .eventSerializer(EventSerialization.serializer())
                                            .snapshotSerializer(EventSerialization.serializer())
                                            .schema(AxonSchemas.eventSchema())
                                            .build();
        // The services' default master key, which the query side under test reads with.
        this.personalData = new PersonalDataCipher(new JdbcDataKeys(new JdbcTemplate(ds)),
                                                   MasterKey.of(MasterKey.LOCAL_DEVELOPMENT_KEY, false));
    }

    /** Encrypts personal data as the command side does, its data keys stored where the query side reads them. */
    public PersonalDataCipher personalData() {
        return personalData;
    }

    /** The command side's database, as the command side writes it (its tables besides the events too). */
    public DataSource dataSource() {
        return dataSource;
    }

    public static synchronized EventStoreFixture shared() {
        if (instance == null) {
            instance = new EventStoreFixture(EmbeddedStack.shared());
        }
        return instance;
    }

    /** Appends one event of {@code aggregateId} at {@code sequence} and answers its global position. */
    public long append(String aggregateType, UUID aggregateId, long sequence, Object payload) {
        return append(aggregateType, aggregateId, sequence, payload, java.util.Map.of());
    }

    /** As {@link #append(String, UUID, long, Object)}, with the metadata a command's sender adds (userId …). */
    public long append(String aggregateType, UUID aggregateId, long sequence, Object payload,
                       java.util.Map<String, String> metaData) {
        engine.appendEvents(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, payload,
                                                            MetaData.with("correlationId", UUID.randomUUID().toString())
                                                                    .mergedWith(metaData)));
        return positionOf(aggregateId, sequence);
    }

    public long head() {
        return query("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", null, 0);
    }

    private long positionOf(UUID aggregateId, long sequence) {
        return query("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                             + "AND sequence_number = ?", aggregateId.toString(), sequence);
    }

    private long query(String sql, String aggregateId, long sequence) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (aggregateId != null) {
                s.setString(1, aggregateId);
                s.setLong(2, sequence);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
