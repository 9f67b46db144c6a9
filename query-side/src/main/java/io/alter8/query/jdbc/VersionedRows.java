package io.alter8.query.jdbc;

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
 * The example to copy for a new projector is {@code io.alter8.query.lease.LeaseProjector}: a creation by upsert with
 * its child rows, partial updates, and child rows that follow the parent.
 */
@Component
public class VersionedRows {

    private enum Kind { UPSERT, UPDATE, DELETE }

    private final JdbcTemplate jdbc;

    public VersionedRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

        /** Applies the write if the event at {@code sequence} is newer than the row; the number of rows written. */
        public int apply(long sequence) {
            List<Object> args = new ArrayList<>();
            String sql = statement(sequence, args);
            if (then != null) {
                sql = "WITH written AS (" + sql + " RETURNING " + names(keys) + ") " + then;
                args.addAll(thenValues);
            }
            return jdbc.update(sql, args.toArray());
        }

        /** As {@link #apply(long)}, answering {@code returning} (which may name {@code old.} and {@code new.}). */
        public <T> List<T> apply(long sequence, String returning, RowMapper<T> mapper) {
            if (then != null) {
                throw new IllegalStateException("a write with child rows returns nothing");
            }
            List<Object> args = new ArrayList<>();
            return jdbc.query(statement(sequence, args) + " RETURNING " + returning, mapper, args.toArray());
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
