package io.alter8.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the events a command stored sit in the global stream, read from their own {@code INSERT … RETURNING
 * global_index} rather than asked for after the commit: every command's answer carries the position of its last event
 * (read-your-writes), and asking cost each command a round trip to PostgreSQL. A command registers a collector on its
 * unit of work ({@link #collectFor}); the JDBC engine's append ({@link #appendEvents}) notes the events it stores in
 * the nearest collector up the chain of units of work. Events stored with no collector (a process's, a job's) are
 * noted nowhere, and whoever needs their position reads it from the store as before.
 */
public final class AppendedPositions {

    private static final String RESOURCE = AppendedPositions.class.getName();

    /** The last event stored for an aggregate in this unit of work: its sequence number and position. */
    public record Stored(long sequence, long position) {
    }

    private final Map<String, Stored> last = new HashMap<>();
    private final Map<String, Long> positions = new HashMap<>();

    private AppendedPositions() {
    }

    /** A collector for the events stored while {@code unitOfWork} (and units nested in it) commits. */
    public static AppendedPositions collectFor(UnitOfWork<?> unitOfWork) {
        AppendedPositions collector = new AppendedPositions();
        unitOfWork.resources().put(RESOURCE, collector);
        return collector;
    }

    /** The position of the event {@code sequence} of {@code aggregateId}, if it was stored with this collector. */
    public synchronized OptionalLong positionOf(String aggregateId, long sequence) {
        Long position = positions.get(key(aggregateId, sequence));
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The last event of {@code aggregateId} stored with this collector, if any. */
    public synchronized Optional<Stored> last(String aggregateId) {
        return Optional.ofNullable(last.get(aggregateId));
    }

    private synchronized void noted(DomainEventMessage<?> event, long position) {
        positions.put(key(event.getAggregateIdentifier(), event.getSequenceNumber()), position);
        last.merge(event.getAggregateIdentifier(), new Stored(event.getSequenceNumber(), position),
                   (before, now) -> now.sequence() > before.sequence() ? now : before);
    }

    private static String key(String aggregateId, long sequence) {
        return aggregateId + '/' + sequence;
    }

    /**
     * The JDBC engine's append statement, Axon's own, with the positions the database gives the rows returned to the
     * nearest collector; Axon's statement unchanged where there is none.
     */
    public static PreparedStatement appendEvents(Connection connection, EventSchema schema, Class<?> dataType,
                                                 List<? extends EventMessage<?>> events, Serializer serializer,
                                                 TimestampWriter timestampWriter) throws SQLException {
        AppendedPositions collector = nearest();
        if (collector == null) {
            return JdbcEventStorageEngineStatements.appendEvents(connection, schema, dataType, events, serializer,
                                                                 timestampWriter);
        }
        String[] returned = {schema.globalIndexColumn()};
        Connection returning = delegate(Connection.class, connection, (target, method, args) ->
                method.getName().equals("prepareStatement") && args.length == 1
                        ? connection.prepareStatement((String) args[0], returned)
                        : method.invoke(target, args));
        PreparedStatement statement = JdbcEventStorageEngineStatements.appendEvents(returning, schema, dataType,
                                                                                    events, serializer,
                                                                                    timestampWriter);
        return delegate(PreparedStatement.class, statement, (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (method.getName().equals("executeBatch")) {
                note(collector, events, statement);
            }
            return result;
        });
    }

    /** The rows' generated keys come back in the order of the batch, which is the order of the events. */
    private static void note(AppendedPositions collector, List<? extends EventMessage<?>> events,
                             PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            for (EventMessage<?> event : events) {
                if (!keys.next()) {
                    return;
                }
                if (event instanceof DomainEventMessage<?> domain) {
                    collector.noted(domain, keys.getLong(1));
                }
            }
        }
    }

    private static AppendedPositions nearest() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        for (UnitOfWork<?> unit = CurrentUnitOfWork.get(); unit != null; unit = unit.parent().orElse(null)) {
            AppendedPositions collector = unit.getResource(RESOURCE);
            if (collector != null) {
                return collector;
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Call<T> {

        Object on(T target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    /** {@code target} as a {@code type} whose calls go through {@code call}, exceptions as the target threw them. */
    private static <T> T delegate(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.on(target, method, args == null ? new Object[0] : args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }
}
