package io.alter8.command.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads the JDBC event store for auditors, row by row as stored (the default {@link EventHistory}). Lists are paged by
 * position (an index range scan, however far into the log); the stream reads through a cursor in pages of
 * {@link #FETCH_SIZE} rows inside one read-only transaction, so memory stays flat whatever the log's length.
 */
@Component
@ConditionalOnProperty(name = EventStoreHistory.READER, havingValue = "jdbc", matchIfMissing = true)
class AuditLog implements EventHistory {

    static final int FETCH_SIZE = 1000;
    static final String COLUMNS_SQL = "SELECT global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, payload_type, payload_revision, time_stamp, payload, meta_data FROM domain_event_entry ";
    static final RowMapper<StoredEvent> ROW = (rs, n) -> event(rs, 1);
    /** The events as {@link #COLUMNS_SQL} reads them, but with SHA-256 of payload and metadata. */
    private static final String DIGESTS = "SELECT global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, payload_type, payload_revision, time_stamp, pg_catalog.sha256(payload), "
            + "pg_catalog.sha256(coalesce(meta_data, ''::bytea)) FROM domain_event_entry ORDER BY global_index";

    /** The event in the columns of {@link #COLUMNS_SQL} from column {@code first} on. */
    static StoredEvent event(ResultSet rs, int first) throws SQLException {
        return new StoredEvent(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                               rs.getString(first + 3), rs.getLong(first + 4), rs.getString(first + 5),
                               rs.getString(first + 6), rs.getString(first + 7), rs.getBytes(first + 8),
                               rs.getBytes(first + 9));
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    AuditLog(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.cursor = new JdbcTemplate(dataSource);
        // PostgreSQL's driver reads in pages only with a fetch size inside a transaction.
        this.cursor.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public long firstPosition() {
        return 1;
    }

    @Override
    public List<StoredEvent> ofAggregate(String storedType, String aggregateId) {
        return jdbc.query(COLUMNS_SQL + "WHERE aggregate_identifier = ? AND type = ? ORDER BY sequence_number", ROW,
                          aggregateId, storedType);
    }

    @Override
    public List<StoredEvent> page(EventFilter filter, int size) {
        Query q = where(filter);
        q.args.add(size);
        return jdbc.query(COLUMNS_SQL + q.sql + " ORDER BY global_index LIMIT ?", ROW, q.args.toArray());
    }

    @Override
    public void stream(EventFilter filter, Consumer<StoredEvent> each) {
        Query q = where(filter);
        readOnly.executeWithoutResult(tx -> cursor.query(COLUMNS_SQL + q.sql + " ORDER BY global_index",
                                                         rs -> { each.accept(ROW.mapRow(rs, 0)); },
                                                         q.args.toArray()));
    }

    @Override
    public Optional<StoredEvent> lastUpTo(String storedType, String aggregateId, Long position, Instant at) {
        StringBuilder sql = new StringBuilder(COLUMNS_SQL + "WHERE aggregate_identifier = ? AND type = ?");
        List<Object> args = new ArrayList<>(List.of(aggregateId, storedType));
        if (position != null) {
            sql.append(" AND global_index <= ?");
            args.add(position);
        }
        if (at != null) {
            sql.append(" AND time_stamp::timestamptz <= ?");
            args.add(Timestamp.from(at));
        }
        return jdbc.query(sql + " ORDER BY sequence_number DESC LIMIT 1", ROW, args.toArray()).stream().findFirst();
    }

    /** The tree's leaves joined to their events, through a cursor. */
    @Override
    public void streamTree(long treeSize, BiConsumer<MerkleLog.TreeLeaf, StoredEvent> each) {
        readOnly.executeWithoutResult(tx -> cursor.query(
                "SELECT t.tree_index, t.position, t.event_identifier, t.aggregate_identifier, t.leaf_hash, "
                        + "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, "
                        + "e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data "
                        + "FROM audit_tree_leaf t LEFT JOIN domain_event_entry e ON e.global_index = t.position "
                        + "WHERE t.tree_index < ? ORDER BY t.tree_index",
                rs -> {
                    each.accept(MerkleLog.LEAF.mapRow(rs, 0), rs.getObject(6) == null ? null : event(rs, 6));
                }, treeSize));
    }

    @Override
    public Optional<StoredEvent> at(long position) {
        return jdbc.query(COLUMNS_SQL + "WHERE global_index = ?", ROW, position).stream().findFirst();
    }

    @Override
    public List<StoredEvent> ofCorrelation(String correlationId) {
        return jdbc.query(COLUMNS_SQL + "WHERE " + metadata("correlationId") + " = ? ORDER BY global_index", ROW,
                          correlationId);
    }

    /**
     * PostgreSQL hashes payload and metadata where they lie, in its own process beside this one, and a row crosses as
     * 64 bytes of digests instead of its whole payload. pg_catalog's sha256: a function of the same name elsewhere on
     * the search path cannot stand in for it. The offline verifier hashes the bytes itself.
     */
    @Override
    public EventCursor everything() {
        RowCursor<StoredEvent> rows = RowCursor.open(dataSource, DIGESTS, ROW);
        return new EventCursor() {
            @Override
            public boolean digests() {
                return true;
            }

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public StoredEvent next() {
                return rows.next();
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    @Override
    public Optional<Long> positionOf(String eventId) {
        return jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class,
                                 eventId).stream().findFirst();
    }

    /**
     * One value of the events' metadata, spelled as the expression indexes of migration {@code V2026_12_07_080}
     * are, so that PostgreSQL uses them: only {@code userId} and {@code correlationId} are indexed.
     */
    private static String metadata(String name) {
        return "event_metadata(meta_data, '" + name + "')";
    }

    private record Query(String sql, List<Object> args) {
    }

    private static Query where(EventFilter f) {
        StringBuilder sql = new StringBuilder("WHERE global_index > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.afterPosition());
        if (f.type() != null) {
            sql.append(" AND (payload_type = ? OR payload_type LIKE ?)");
            args.add(f.type());
            args.add("%." + f.type().replace("_", "\\_"));
        }
        if (f.aggregateType() != null) {
            sql.append(" AND type = ?");
            args.add(f.aggregateType());
        }
        if (f.from() != null) {
            sql.append(" AND time_stamp::timestamptz >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND time_stamp::timestamptz < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.userId() != null) {
            sql.append(" AND ").append(metadata("userId")).append(" = ?");
            args.add(f.userId());
        }
        if (f.correlationId() != null) {
            sql.append(" AND ").append(metadata("correlationId")).append(" = ?");
            args.add(f.correlationId());
        }
        return new Query(sql.toString(), args);
    }
}
