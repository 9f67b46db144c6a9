package io.alter8.query.jdbc;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one way a Postgres projector writes its rows: keyed, and guarded by the sequence number of the event. Every
 * row keeps in {@code version} the sequence number of the last event applied to it; an event at or below it is a
 * replay, a redelivery or a late arrival and changes nothing. So the same events applied twice, or out of order,
 * leave the same rows.
 * <ul>
 *   <li>{@link #upsert}: creates the row, or advances it if the event is newer
 *       ({@code INSERT … ON CONFLICT (key) DO UPDATE … WHERE version < sequence});</li>
 *   <li>{@link #update}: advances the rows that have these key values, if the event is newer;</li>
 *   <li>{@link #delete}: removes them, if the event is newer. A deleted row has no version left to guard it, so an
 *       older upsert arriving later would bring it back: where that matters, mark the row instead (a removed unit
 *       stays as {@code removed}).</li>
 * </ul>
 * A write may carry a statement for child rows, run only when the row was written ({@link Write#then}), so children
 * move with their parent's version. Values are absolute or recomputed in SQL, never increments.
 * <p>
 * <b>Replays write in batches.</b> While a processor replays (a rebuild), the writes of its batch of events are held
 * and sent when the batch commits, as JDBC batches of one statement each, in the transaction that stores the batch's
 * token ({@link ReplayWrites} says which writes may share a batch and why the rows end the same). A statement a
 * handler needs besides its versioned writes, such as a figure recomputed over other aggregates' rows, goes through
 * {@link #statement}, so that it runs in its place among them. A handler that must read what it wrote answers with
 * {@link Write#apply(long, String, RowMapper)}, which sends what is held first. Live events, and a batch retried after
 * a failure (when each event must fail alone, to be dead-lettered), are written at once.
 * <p>
 * The example to copy for a new projector is {@code io.alter8.query.lease.LeaseProjector}: a creation by upsert with
 * its child rows, partial updates, and child rows that follow the parent.
 */
@Component
public class VersionedRows {

    /** What {@link Write#apply(long)} answers for a write held for the replayed batch: not yet written. */
    public static final int HELD = -1;

    /**
     * Set in a unit of work's resources to write its events at once even during a replay: a batch retried after a
     * failure runs each event on its own, so that only the failing one is dead-lettered.
     */
    public static final String WRITE_AT_ONCE = VersionedRows.class.getName() + ".writeAtOnce";

    private static final String HELD_WRITES = VersionedRows.class.getName() + ".held";

    private enum Kind { UPSERT, UPDATE, DELETE }

    private final JdbcTemplate jdbc;

    public VersionedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the event being handled is replayed: a handler then leaves out work done for live readers (cache
     * evictions), which {@link #afterReplayedBatch} does once per batch instead.
     */
    public boolean replaying() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }

    /**
     * Runs {@code action} once after the replayed batch being handled commits (however many of its events ask);
     * at once if no unit of work is active.
     */
    public void afterReplayedBatch(String name, Runnable action) {
        if (!CurrentUnitOfWork.isStarted()) {
            action.run();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (batch.resources().putIfAbsent(HELD_WRITES + ".after." + name, Boolean.TRUE) == null) {
            batch.afterCommit(u -> action.run());
        }
    }

    /**
     * A statement that is not a versioned write of one row (a figure recomputed from many rows): it runs after every
     * write of the events before and before every write of those after, during a replay too.
     */
    public void statement(String sql, Object... values) {
        ReplayWrites held = held();
        if (held == null) {
            jdbc.update(sql, values);
        } else {
            held.fence(sql, values);
        }
    }

    /** The writes held for the replayed batch being handled, or null if this event's writes go at once. */
    private ReplayWrites held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        ReplayWrites held = batch.getResource(HELD_WRITES);
        if (!ReplayToken.isReplay(current.getMessage()) || current.resources().containsKey(WRITE_AT_ONCE)
                || batch.resources().containsKey(WRITE_AT_ONCE)) {
            if (held != null) {
                flush(held);
            }
            return null;
        }
        if (held == null) {
            ReplayWrites writes = new ReplayWrites();
            batch.resources().put(HELD_WRITES, writes);
            batch.onPrepareCommit(u -> flush(writes));
            return writes;
        }
        return held;
    }

    /** Sends what is held, in order; a failure fails the batch's transaction, token and all. */
    private void flush(ReplayWrites held) {
        for (ReplayWrites.Batch batch : held.batches()) {
            jdbc.batchUpdate(batch.sql(), batch.parameters());
        }
        held.clear();
    }

    /** The aggregate whose event is handled, which orders the held writes ({@link ReplayWrites}). */
    private static String aggregate() {
        return CurrentUnitOfWork.get().getMessage() instanceof DomainEventMessage<?> event
                ? event.getAggregateIdentifier() : null;
    }

    /** Creates the row with its key, or advances it if the event is newer than the row. */
    public Write upsert(String table) {
        return new Write(Kind.UPSERT, table);
    }

    /** Changes the rows with the given key values that are older than the event; nothing if there are none. */
    public Write update(String table) {
        return new Write(Kind.UPDATE, table);
    }

    /** Deletes the rows with the given key values that are older than the event. */
    public Write delete(String table) {
        return new Write(Kind.DELETE, table);
    }

    /** A column and the SQL expression of its value, with the expression's parameters. */
    private record Column(String name, String expression, List<Object> values) {
    }

    /** One guarded write, built up and then {@linkplain #apply(long) applied} at an event's sequence number. */
    public final class Write {

        private final Kind kind;
        private final String table;
        private final List<Column> keys = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();
        private final List<Column> insertOnly = new ArrayList<>();
        private String then;
        private List<Object> thenValues = List.of();

        private Write(Kind kind, String table) {
            this.kind = kind;
            this.table = table;
        }

        /** A key column: the conflict target of an upsert, an equality condition of an update or delete. */
        public Write key(String column, Object value) {
            keys.add(new Column(column, "?", Collections.singletonList(value)));
            return this;
        }

        public Write set(String column, Object value) {
            return expression(column, "?", value);
        }

        public Write json(String column, String value) {
            return expression(column, "?::jsonb", value);
        }

        /** A column set from an SQL expression with its own parameters (it may read the row's current values). */
        public Write expression(String column, String expression, Object... values) {
            columns.add(new Column(column, expression, Arrays.asList(values)));
            return this;
        }

        /** A column an upsert sets only when it creates the row (the first event dates it; later ones do not). */
        public Write onCreate(String column, Object value) {
            insertOnly.add(new Column(column, "?", Collections.singletonList(value)));
            return this;
        }

        /**
         * A statement on child rows, run in the same statement and only if this write changed its row, which it
         * reads as {@code written} (with the key columns): {@code UPDATE lease_tenant … WHERE lease_id =
         * (SELECT id FROM written)}.
         */
        public Write then(String sql, Object... values) {
            this.then = sql;
            this.thenValues = Arrays.asList(values);
            return this;
        }

        /**
         * Applies the write if the event at {@code sequence} is newer than the row; the number of rows written, or
         * {@link #HELD} while a replayed batch holds it.
         */
        public int apply(long sequence) {
            List<Object> args = new ArrayList<>();
            String sql = statement(sequence, args);
            if (then != null) {
                sql = "WITH written AS (" + sql + " RETURNING " + names(keys) + ") " + then;
                args.addAll(thenValues);
            }
            ReplayWrites held = held();
            if (held == null) {
                return jdbc.update(sql, args.toArray());
            }
            String aggregate = aggregate();
            if (aggregate == null) {
                held.fence(sql, args.toArray());
            } else {
                held.add(aggregate, new ReplayWrites.Row(table, keyValues()), sql, args.toArray());
            }
            return HELD;
        }

        /**
         * As {@link #apply(long)}, answering {@code returning} (which may name {@code old.} and {@code new.}); always
         * at once, after what a replayed batch holds.
         */
        public <T> List<T> apply(long sequence, String returning, RowMapper<T> mapper) {
            if (then != null) {
                throw new IllegalStateException("a write with child rows returns nothing");
            }
            ReplayWrites held = held();
            if (held != null) {
                flush(held);
            }
            List<Object> args = new ArrayList<>();
            return jdbc.query(statement(sequence, args) + " RETURNING " + returning, mapper, args.toArray());
        }

        private List<Object> keyValues() {
            return keys.stream().flatMap(k -> k.values().stream()).toList();
        }

        private String statement(long sequence, List<Object> args) {
            if (keys.isEmpty()) {
                throw new IllegalStateException("a versioned write of " + table + " names its key");
            }
            return switch (kind) {
                case UPSERT -> upsert(sequence, args);
                case UPDATE -> {
                    List<Column> set = new ArrayList<>(columns);
                    set.add(new Column("version", "?", List.of(sequence)));
                    set.forEach(c -> args.addAll(c.values()));
                    yield "UPDATE " + table + " SET " + set.stream().map(c -> c.name() + " = " + c.expression())
                                                           .collect(Collectors.joining(", "))
                            + where(args, sequence);
                }
                case DELETE -> "DELETE FROM " + table + where(args, sequence);
            };
        }

        private String upsert(long sequence, List<Object> args) {
            List<Column> inserted = new ArrayList<>(keys);
            inserted.addAll(columns);
            inserted.addAll(insertOnly);
            inserted.add(new Column("version", "?", List.of(sequence)));
            inserted.forEach(c -> args.addAll(c.values()));
            Stream<String> updated = Stream.concat(columns.stream().map(Column::name), Stream.of("version"));
            return "INSERT INTO " + table + " (" + names(inserted) + ") VALUES ("
                    + inserted.stream().map(Column::expression).collect(Collectors.joining(", "))
                    + ") ON CONFLICT (" + names(keys) + ") DO UPDATE SET "
                    + updated.map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", "))
                    + " WHERE " + table + ".version < EXCLUDED.version";
        }

        private String where(List<Object> args, long sequence) {
            keys.forEach(k -> args.addAll(k.values()));
            args.add(sequence);
            return " WHERE " + keys.stream().map(k -> k.name() + " = ?").collect(Collectors.joining(" AND "))
                    + " AND version < ?";
        }

        private static String names(List<Column> columns) {
            return columns.stream().map(Column::name).collect(Collectors.joining(", "));
        }
    }
}
