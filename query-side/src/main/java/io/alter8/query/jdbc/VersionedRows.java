package io.alter8.query.jdbc;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import io.alter8.query.processing.AfterBatch;
import io.alter8.query.processing.ShadowTransaction;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
 * <b>A batch writes together.</b> The writes of a processor's batch of events, live or replayed, are held and sent
 * when the batch commits, as JDBC batches of one statement each, in the transaction that stores the batch's token
 * ({@link ReplayWrites} says which writes may share a batch, which of one row join into one, and why the rows end
 * the same). A statement a handler needs besides its versioned writes, such as a figure recomputed over other
 * aggregates' rows, goes through {@link #statement}, so that it runs in its place among them. A handler that must
 * read what it wrote answers with {@link Write#apply(long, String, RowMapper)}, which sends what is held first, or
 * reads around the sending ({@link #aroundHeldWrites}). A batch holds what its processor had when it began: events
 * that trickle in make batches of one and wait for nothing. Events handled outside a batch, and a batch retried after
 * a failure (when each event must fail alone, to be dead-lettered), are written at once.
 * <p>
 * The example to copy for a new projector is {@code io.alter8.query.lease.LeaseProjector}: a creation by upsert with
 * its child rows, partial updates, and child rows that follow the parent.
 */
@Component
public class VersionedRows {

    /** What {@link Write#apply(long)} answers for a write held for its batch: not yet written. */
    public static final int HELD = -1;

    /**
     * Set in a unit of work's resources to write its events at once: a batch retried after a
     * failure runs each event on its own, so that only the failing one is dead-lettered.
     */
    public static final String WRITE_AT_ONCE = VersionedRows.class.getName() + ".writeAtOnce";

    private static final String HELD_WRITES = VersionedRows.class.getName() + ".held";

    private enum Kind { UPSERT, UPDATE, DELETE }

    /**
     * How many rows one statement creates ({@link #createdTogether}), largest first. Few sizes, so that few texts
     * are prepared; rows left over, fewer than the smallest, are written by their upserts.
     */
    private static final int[] CREATED_TOGETHER = {64, 16, 4};
    private static final char KEY_SEPARATOR = '\u0000';

    private final JdbcTemplate jdbc;

    public VersionedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the event being handled is replayed, or written into the copy of a blue/green rebuild
     * ({@link ShadowTransaction}): a handler then leaves out work done for live readers (cache evictions), which
     * {@link #afterReplayedBatch} does once per batch instead, and its writes are held for the batch.
     */
    public boolean replaying() {
        return CurrentUnitOfWork.isStarted() && replaying(CurrentUnitOfWork.get());
    }

    private static boolean replaying(UnitOfWork<?> current) {
        return ReplayToken.isReplay(current.getMessage()) || ShadowTransaction.active();
    }

    /**
     * Runs {@code action} once after the replayed batch being handled commits (however many of its events ask);
     * at once if no unit of work is active. Not for a blue/green rebuild's copy: nobody reads it yet, and the switch
     * evicts what the live readers were given ({@code RebuildableReadModel#afterSwitch}).
     */
    public void afterReplayedBatch(String name, Runnable action) {
        if (ShadowTransaction.active()) {
            return;
        }
        AfterBatch.once(HELD_WRITES + ".after." + name, action);
    }

    /**
     * A statement that is not a versioned write of one row (a figure recomputed from many rows): it runs after every
     * write of the events before and before every write of those after, in a held batch too.
     */
    public void statement(String sql, Object... values) {
        ReplayWrites held = held();
        if (held == null) {
            jdbc.update(sql, binding(values));
        } else {
            held.fence(sql, values);
        }
    }

    /**
     * Whether the writes of the event being handled are held for its batch ({@link #aroundHeldWrites}); false when
     * they go at once.
     */
    public boolean holding() {
        return held() != null;
    }

    /**
     * Work a handler needs right before and right after its batch's held writes are sent, in the batch's
     * transaction: {@code made} once per batch under {@code name}, answered to every event that asks, so that they
     * gather what the writes touch; null if this event's writes go at once. It runs at every sending (a handler
     * reading what it wrote sends what is held early), so it forgets what it gathered after each.
     */
    public <T extends AroundWrites> T aroundHeldWrites(String name, Supplier<T> made) {
        ReplayWrites held = held();
        return held == null ? null : held.around(name, made);
    }

    /** Work around the sending of held writes ({@link #aroundHeldWrites}). */
    public interface AroundWrites {

        void beforeWrites();

        void afterWrites();
    }

    /**
     * The writes held for the batch being handled, or null if this event's writes go at once: outside a batch, and
     * in a batch retried after a failure, where each event must fail alone to be dead-lettered.
     */
    private ReplayWrites held() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        UnitOfWork<?> batch = current.root();
        ReplayWrites held = batch.getResource(HELD_WRITES);
        if (current.resources().containsKey(WRITE_AT_ONCE) || batch.resources().containsKey(WRITE_AT_ONCE)
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            if (held != null) {
                flush(held);
            }
            return null;
        }
        if (held == null) {
            ReplayWrites writes = new ReplayWrites();
            batch.resources().put(HELD_WRITES, writes);
            batch.onPrepareCommit(u -> flush(writes));
            if (replaying(current)) {
                // Every held write of a replayed batch, or of one of a blue/green copy, finds its rows by key: generic
                // plans for all of them (see createdTogether). Like every batch, it commits without waiting for the
                // disk (ProcessorTransactions).
                jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                writes.useGenericPlans();
            }
            return writes;
        }
        return held;
    }

    /** Sends what is held, in order; a failure fails the batch's transaction, token and all. */
    private void flush(ReplayWrites held) {
        List<AroundWrites> around = held.around();
        around.forEach(AroundWrites::beforeWrites);
        for (ReplayWrites.Batch batch : held.batches()) {
            List<ReplayWrites.Write> writes = createdTogether(held, batch.writes());
            if (writes.size() == 1) {
                jdbc.update(batch.sql(), binding(writes.get(0).parameters()));
            } else if (!writes.isEmpty()) {
                jdbc.batchUpdate(batch.sql(), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        bind(ps, writes.get(i).parameters());
                    }

                    @Override
                    public int getBatchSize() {
                        return writes.size();
                    }
                });
            }
        }
        held.clear();
        around.forEach(AroundWrites::afterWrites);
    }

    /**
     * Creates together the rows of a batch's upserts that do not exist yet, and answers the writes still to send as
     * they are: those whose row existed, a row's later writes, and the few left over.
     * <p>
     * Each upsert statement costs PostgreSQL its own parse, executor start and message handling, several times
     * the insert itself for a listing's sixty columns: one statement of 64 rows costs about what two single rows
     * do. An upsert's update carries, per column, the sequence number of the event that set it, which a statement of
     * many rows cannot; so the rows go in as plain creations ({@code ON CONFLICT DO NOTHING}, answering the keys it
     * created), the same values the upserts would have inserted, and only the writes whose row was already there are
     * sent as upserts, after, in their order. A row's first write may be created so; its later ones follow it.
     */
    private List<ReplayWrites.Write> createdTogether(ReplayWrites held, List<ReplayWrites.Write> writes) {
        if (writes.size() < CREATED_TOGETHER[CREATED_TOGETHER.length - 1]
                || !(writes.get(0) instanceof Versioned first) || !first.creatable()) {
            return writes;
        }
        List<Integer> firstOfRow = new ArrayList<>();
        List<String> keys = new ArrayList<>(writes.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            String key = writes.get(i) instanceof Versioned write ? write.keyText() : null;
            if (key == null) {
                return writes;
            }
            keys.add(key);
            if (seen.add(key)) {
                firstOfRow.add(i);
            }
        }
        if (firstOfRow.size() >= CREATED_TOGETHER[CREATED_TOGETHER.length - 1] && !held.usesGenericPlans()) {
            // PostgreSQL plans a statement anew while it guesses that a plan for its values beats its cached one: for
            // a statement of many rows it kept doing so, and planning cost more than the insert. Every held write
            // finds its rows by key, which no value makes a better plan for.
            jdbc.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            held.useGenericPlans();
        }
        boolean[] created = new boolean[writes.size()];
        int from = 0;
        for (int size : CREATED_TOGETHER) {
            for (; firstOfRow.size() - from >= size; from += size) {
                List<Integer> chunk = firstOfRow.subList(from, from + size);
                List<Object> parameters = new ArrayList<>();
                chunk.forEach(i -> parameters.addAll(((Versioned) writes.get(i)).creationParameters()));
                Set<String> made = new HashSet<>(jdbc.query(first.creationSql(size), binding(parameters.toArray()),
                                                            (rs, row) -> {
                    StringBuilder key = new StringBuilder();
                    for (int k = 1; k <= first.keys().size(); k++) {
                        key.append(rs.getString(k)).append(KEY_SEPARATOR);
                    }
                    return key.toString();
                }));
                chunk.forEach(i -> created[i] = made.contains(keys.get(i)));
            }
        }
        List<ReplayWrites.Write> rest = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            if (!created[i]) {
                rest.add(writes.get(i));
            }
        }
        return rest;
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

    /** What the value of a column reads besides its parameters. */
    private enum Reads {
        /** Nothing: it may be set earlier or later to the same effect. */
        NOTHING,
        /** Rows its aggregate writes elsewhere (a count of child rows), never the row's own columns. */
        OTHER_ROWS,
        /** Anything, the row's own columns too. */
        ANYTHING
    }

    /** A column and the SQL expression of its value, with the expression's parameters. */
    private record Column(String name, String expression, List<Object> values, Reads reads) {

        static Column literal(String name, String expression, Object value) {
            return new Column(name, expression, Collections.singletonList(bound(value)), Reads.NOTHING);
        }
    }

    /**
     * A column's value as text of no declared type (or a null of none), which PostgreSQL reads as the type of the
     * column it is assigned to. Two reasons:
     * <ul>
     *   <li>pgjdbc prepares a statement on the server for the types of its parameters, and prepares it again when
     *       they change: a value that is null in one write (no type) and set in the next (text, numeric) did so at
     *       nearly every execution of a statement of many rows. Untyped, the types never change.</li>
     *   <li>pgjdbc binding a {@code java.time} value builds a {@code TimestampUtils}, with its calendars, for every
     *       statement: a tenth of a live listing write's CPU. A date or time goes as its ISO-8601 text.</li>
     * </ul>
     * Only for a write's columns and keys, whose type the statement gives; elsewhere an untyped parameter may be read
     * as text. Arrays keep their types: they are never null.
     */
    private record Untyped(String text, boolean plain) {
    }

    /** Sets a statement's parameters directly: Spring's generic binding looked up each value's type again. */
    private static PreparedStatementSetter binding(Object[] values) {
        return ps -> bind(ps, values);
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof Untyped untyped) {
                ps.setObject(i + 1, untyped.text(), Types.OTHER);
            } else if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    private static Object bound(Object value) {
        if (value == null) {
            return new Untyped(null, false);
        }
        if (value instanceof UUID || value instanceof String || value instanceof Long || value instanceof Integer) {
            return new Untyped(value.toString(), true);
        }
        if (value instanceof BigDecimal amount) {
            return new Untyped(amount.toPlainString(), false);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof OffsetDateTime
                || value instanceof LocalDate) {
            return new Untyped(value.toString(), false);
        }
        return value;
    }

    /** A column of a versioned write, set by the event at {@code since}. */
    private record Setting(Column column, long since) {
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
            keys.add(Column.literal(column, "?", value));
            return this;
        }

        public Write set(String column, Object value) {
            columns.add(Column.literal(column, "?", value));
            return this;
        }

        public Write json(String column, String value) {
            columns.add(Column.literal(column, "?::jsonb", value));
            return this;
        }

        /** A column set from an SQL expression with its own parameters (it may read the row's current values). */
        public Write expression(String column, String expression, Object... values) {
            columns.add(new Column(column, expression, Arrays.asList(values), Reads.ANYTHING));
            return this;
        }

        /**
         * A column computed by an SQL expression from rows the same aggregate writes elsewhere (a count of its child
         * rows), never from this row's own columns. Unlike {@link #expression}, a batch may join it to the
         * row's earlier write, and then runs the joined write after the child rows ({@link ReplayWrites}).
         */
        public Write derived(String column, String expression, Object... values) {
            columns.add(new Column(column, expression, Arrays.asList(values), Reads.OTHER_ROWS));
            return this;
        }

        /** A column an upsert sets only when it creates the row (the first event dates it; later ones do not). */
        public Write onCreate(String column, Object value) {
            insertOnly.add(Column.literal(column, "?", value));
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
         * {@link #HELD} while its batch holds it.
         */
        public int apply(long sequence) {
            ReplayWrites.Write write = written(sequence);
            ReplayWrites held = held();
            if (held == null) {
                return jdbc.update(write.sql(), binding(write.parameters()));
            }
            String aggregate = aggregate();
            if (aggregate == null) {
                held.fence(write.sql(), write.parameters());
            } else {
                held.add(aggregate, new ReplayWrites.Row(table, keys.stream().map(k -> k.values().get(0)).toList()),
                         write);
            }
            return HELD;
        }

        /**
         * As {@link #apply(long)}, answering {@code returning} (which may name {@code old.} and {@code new.}); always
         * at once, after what its batch holds.
         */
        public <T> List<T> apply(long sequence, String returning, RowMapper<T> mapper) {
            if (then != null) {
                throw new IllegalStateException("a write with child rows returns nothing");
            }
            ReplayWrites held = held();
            if (held != null) {
                flush(held);
            }
            Versioned write = versioned(sequence);
            return jdbc.query(write.sql() + " RETURNING " + returning, binding(write.parameters()), mapper);
        }

        private Versioned versioned(long sequence) {
            if (keys.isEmpty()) {
                throw new IllegalStateException("a versioned write of " + table + " names its key");
            }
            return new Versioned(kind, table, List.copyOf(keys),
                                 columns.stream().map(c -> new Setting(c, sequence)).toList(),
                                 List.copyOf(insertOnly), sequence);
        }

        /** The statement: the versioned write, with its child statement if it has one. */
        private ReplayWrites.Write written(long sequence) {
            Versioned write = versioned(sequence);
            if (then == null) {
                return write;
            }
            List<Object> args = new ArrayList<>(Arrays.asList(write.parameters()));
            args.addAll(thenValues);
            return new ReplayWrites.Write() {
                @Override
                public String sql() {
                    return "WITH written AS (" + write.sql() + " RETURNING " + names(keys) + ") " + then;
                }

                @Override
                public Object[] parameters() {
                    return args.toArray();
                }

                @Override
                public ReplayWrites.Write followedBy(ReplayWrites.Write later) {
                    return null;
                }
            };
        }
    }

    /**
     * A versioned write as it is sent: each column with the sequence number of the event that set it. Once later
     * writes of the row have joined it ({@link #followedBy}), a column set by an earlier event than the last is
     * guarded by its own event's number ({@code CASE WHEN version < since …}), so that the one statement leaves the
     * row as the writes would have one after another, whatever version the row had.
     */
    private record Versioned(Kind kind, String table, List<Column> keys, List<Setting> columns,
                             List<Column> insertOnly, long sequence) implements ReplayWrites.Write {

        /**
         * Joins a later update of the same row whose values read none of its columns: its columns are set by its event
         * (taking the place of earlier ones of the same name), and the row's version becomes its sequence number.
         */
        @Override
        public ReplayWrites.Write followedBy(ReplayWrites.Write later) {
            if (kind == Kind.DELETE || !(later instanceof Versioned next) || next.kind != Kind.UPDATE
                    || !next.table.equals(table) || next.sequence <= sequence
                    || next.columns.stream().anyMatch(s -> s.column().reads() == Reads.ANYTHING)) {
                return null;
            }
            Set<String> named = next.columnNames();
            List<Setting> joined = new ArrayList<>(columns.stream()
                                                          .filter(s -> !named.contains(s.column().name())).toList());
            joined.addAll(next.columns);
            // A value the creation alone would set and the later write sets anyway is the later write's.
            return new Versioned(kind, table, keys, joined,
                                 insertOnly.stream().filter(c -> !named.contains(c.name())).toList(), next.sequence);
        }

        /** The names of the columns this write sets, hashed: a listing's earlier write has some sixty to look up. */
        private Set<String> columnNames() {
            Set<String> names = new HashSet<>();
            columns.forEach(s -> names.add(s.column().name()));
            return names;
        }

        /** Joins across writes of other rows only if the later write computes again all this one computes. */
        @Override
        public ReplayWrites.Write followedAcross(ReplayWrites.Write later) {
            if (!(later instanceof Versioned next)) {
                return null;
            }
            Set<String> named = next.columnNames();
            boolean recomputed = columns.stream().filter(s -> s.column().reads() != Reads.NOTHING)
                                        .allMatch(s -> named.contains(s.column().name()));
            return recomputed ? followedBy(later) : null;
        }

        @Override
        public boolean readsOtherRows() {
            return columns.stream().anyMatch(s -> s.column().reads() != Reads.NOTHING);
        }

        /**
         * Whether rows of this upsert may be created many in one statement: none of its values reads anything but
         * its parameters and other tables' rows, which the statement's own rows do not change.
         */
        boolean creatable() {
            return kind == Kind.UPSERT && columns.stream().noneMatch(s -> s.column().reads() == Reads.ANYTHING);
        }

        /**
         * The key values as text, as PostgreSQL gives them back: a UUID (in lower case, as Java writes it), an
         * integer, a text; null if one may come back otherwise (a date, an amount, a null).
         */
        String keyText() {
            StringBuilder key = new StringBuilder();
            for (Column k : keys) {
                if (!(k.values().get(0) instanceof Untyped untyped) || !untyped.plain()) {
                    return null;
                }
                key.append(untyped.text()).append(KEY_SEPARATOR);
            }
            return key.toString();
        }

        /** Creates {@code rows} rows that do not exist yet, answering the keys of those it created. */
        String creationSql(int rows) {
            return statement(List.of(shape(), rows), () -> creationBuilt(rows));
        }

        private String creationBuilt(int rows) {
            List<Column> inserted = inserted();
            StringBuilder sql = new StringBuilder(256 + rows * 8 * inserted.size());
            sql.append("INSERT INTO ").append(table).append(" (");
            for (Column c : inserted) {
                sql.append(c.name()).append(", ");
            }
            sql.append("version) VALUES ");
            for (int row = 0; row < rows; row++) {
                sql.append(row == 0 ? "(" : ", (");
                for (Column c : inserted) {
                    sql.append(c.expression()).append(", ");
                }
                sql.append("?)");
            }
            String keyNames = names(keys);
            return sql.append(" ON CONFLICT (").append(keyNames).append(") DO NOTHING RETURNING ").append(keyNames)
                      .toString();
        }

        /** The parameters of one row of {@link #creationSql}: the values the upsert inserts. */
        List<Object> creationParameters() {
            List<Object> args = new ArrayList<>();
            inserted().forEach(c -> args.addAll(c.values()));
            args.add(sequence);
            return args;
        }

        /**
         * What the statement's text depends on: the kind, the table, and each column's name, expression and guard.
         * Names and expressions are the projectors' constants, so comparing two shapes is mostly comparing
         * references.
         */
        private List<Object> shape() {
            List<Object> shape = new ArrayList<>(4 + 2 * keys.size() + 3 * columns.size() + 2 * insertOnly.size());
            shape.add(kind);
            shape.add(table);
            for (Column k : keys) {
                shape.add(k.name());
                shape.add(k.expression());
            }
            shape.add(SHAPE_PART_END);
            for (Setting setting : columns) {
                shape.add(setting.column().name());
                shape.add(setting.column().expression());
                shape.add(guarded(setting));
            }
            shape.add(SHAPE_PART_END);
            for (Column c : insertOnly) {
                shape.add(c.name());
                shape.add(c.expression());
            }
            return shape;
        }

        /** The statement, built once per shape: a listing's write has some sixty columns, and is sent for every event. */
        @Override
        public String sql() {
            return statement(shape(), this::built);
        }

        private String built() {
            StringBuilder sql = new StringBuilder(1024);
            switch (kind) {
                case UPSERT -> {
                    List<Column> inserted = inserted();
                    sql.append("INSERT INTO ").append(table).append(" (");
                    for (Column c : inserted) {
                        sql.append(c.name()).append(", ");
                    }
                    sql.append("version) VALUES (");
                    for (Column c : inserted) {
                        sql.append(c.expression()).append(", ");
                    }
                    sql.append("?) ON CONFLICT (").append(names(keys)).append(") DO UPDATE SET ");
                    for (Setting s : columns) {
                        assignment(sql, s, table + ".version", "EXCLUDED." + s.column().name());
                        sql.append(", ");
                    }
                    sql.append("version = EXCLUDED.version WHERE ").append(table).append(".version < EXCLUDED.version");
                }
                case UPDATE -> {
                    sql.append("UPDATE ").append(table).append(" SET ");
                    for (Setting s : columns) {
                        assignment(sql, s, "version", s.column().expression());
                        sql.append(", ");
                    }
                    sql.append("version = ?");
                    where(sql);
                }
                case DELETE -> where(sql.append("DELETE FROM ").append(table));
            }
            return sql.toString();
        }

        @Override
        public Object[] parameters() {
            List<Object> args = new ArrayList<>();
            switch (kind) {
                case UPSERT -> {
                    inserted().forEach(c -> args.addAll(c.values()));
                    args.add(sequence);
                    columns.stream().filter(this::guarded).forEach(s -> args.add(s.since()));
                }
                case UPDATE -> {
                    for (Setting s : columns) {
                        if (guarded(s)) {
                            args.add(s.since());
                        }
                        args.addAll(s.column().values());
                    }
                    args.add(sequence);
                    keys.forEach(k -> args.addAll(k.values()));
                    args.add(sequence);
                }
                case DELETE -> {
                    keys.forEach(k -> args.addAll(k.values()));
                    args.add(sequence);
                }
            }
            return args.toArray();
        }

        private List<Column> inserted() {
            List<Column> inserted = new ArrayList<>(keys);
            columns.forEach(s -> inserted.add(s.column()));
            inserted.addAll(insertOnly);
            return inserted;
        }

        private boolean guarded(Setting setting) {
            return setting.since() < sequence;
        }

        /** {@code name = value}, or for a column an earlier event set, only if the row is older than that event. */
        private void assignment(StringBuilder sql, Setting setting, String version, String value) {
            String name = setting.column().name();
            sql.append(name).append(" = ");
            if (guarded(setting)) {
                sql.append("CASE WHEN ").append(version).append(" < ? THEN ").append(value).append(" ELSE ")
                   .append(table).append('.').append(name).append(" END");
            } else {
                sql.append(value);
            }
        }

        private void where(StringBuilder sql) {
            sql.append(" WHERE ");
            for (Column k : keys) {
                sql.append(k.name()).append(" = ? AND ");
            }
            sql.append("version < ?");
        }
    }

    /**
     * Statements by shape ({@link Versioned#shape}). Bounded: past it, a statement is built each time, as it always
     * was. One text per shape also makes equal statements the same string, which the batching compares by.
     */
    private static final Map<List<Object>, String> STATEMENTS = new ConcurrentHashMap<>();
    /** Ends the keys, then the columns, of a shape. */
    private static final Object SHAPE_PART_END = new Object();
    private static final int MOST_STATEMENTS = 4_096;

    private static String statement(List<Object> shape, Supplier<String> built) {
        String sql = STATEMENTS.get(shape);
        if (sql != null) {
            return sql;
        }
        return STATEMENTS.size() < MOST_STATEMENTS ? STATEMENTS.computeIfAbsent(shape, s -> built.get()) : built.get();
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
