package io.alter8.query.processing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of one read model copied into a schema of their own and, once filled, put in place of the originals.
 * PostgreSQL's DDL is transactional: the switch drops the old tables and moves the copies into the live schema in
 * one transaction, so a query sees either the old model or the new one, whole. Queries that arrive during the switch
 * wait for its locks (a few milliseconds) and then resolve the names to the new tables.
 * <p>
 * A copy has the originals' columns, defaults, checks and generated columns ({@code LIKE … INCLUDING ALL}), the
 * statistics targets of their columns and index expressions, and their keys, indexes and foreign keys by the same
 * names (the catalog's own definitions, pointed at the copy), so that a later migration naming an index finds it after
 * any number of rebuilds.
 * <p>
 * The tables the read model names ({@link RebuildableReadModel#indexedAfterFill()}) are filled with only what the
 * projector's upserts need: primary keys, unique and exclusion constraints and unique indexes (an {@code ON CONFLICT}
 * target may be any of them). Their other indexes are built by {@link #complete()} once the copy has caught up: one
 * sort per index instead of an index entry per row version written.
 */
final class ReadModelCopy {

    /** How long the switch may wait for a running query's lock before it gives up (and the old model stays). */
    private static final String LOCK_TIMEOUT = "10s";
    /** Memory for sorting an index while it is built after the fill (the server's default is 64 MB). */
    private static final String INDEX_MEMORY = "256MB";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String liveSchema;
    private final String schema;
    private final List<String> tables;
    private final List<String> indexedAfterFill;
    /** The statements that give the copy the live tables' indexes it gets only once it is filled. */
    private final List<String> deferred = new ArrayList<>();

    ReadModelCopy(JdbcTemplate jdbc, TransactionTemplate transaction, String liveSchema, String schema,
                  List<String> tables, List<String> indexedAfterFill) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.liveSchema = liveSchema;
        this.schema = schema;
        this.tables = List.copyOf(tables);
        this.indexedAfterFill = List.copyOf(indexedAfterFill);
    }

    String schema() {
        return schema;
    }

    /**
     * Creates the schema with empty copies of the tables, replacing what an earlier, unfinished rebuild left; the
     * non-unique indexes of the tables indexed after the fill wait for {@link #complete()}.
     */
    void create() {
        deferred.clear();
        transaction.executeWithoutResult(status -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + schema);
            // With only the catalog on the path every name in a definition is schema-qualified, so references to
            // the read model's own tables can be pointed at the copies and every other name stays as it is.
            jdbc.execute("SET LOCAL search_path TO pg_catalog");
            List<String> foreignKeys = new ArrayList<>();
            for (String table : tables) {
                jdbc.execute("CREATE TABLE " + schema + "." + table + " (LIKE " + live(table)
                                     + " INCLUDING ALL EXCLUDING INDEXES)");
                // LIKE leaves out the columns' statistics targets, which the migrations set where no plan needs any.
                String targets = jdbc.queryForObject("""
                        SELECT string_agg('ALTER COLUMN ' || quote_ident(attname) || ' SET STATISTICS '
                                          || attstattarget, ', ' ORDER BY attnum) FROM pg_attribute
                        WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0""",
                                                     String.class, live(table));
                if (targets != null) {
                    jdbc.execute("ALTER TABLE " + schema + "." + table + " " + targets);
                }
                jdbc.query("""
                        SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint
                        WHERE conrelid = ?::regclass AND contype IN ('p', 'u', 'x', 'f') ORDER BY conname""", rs -> {
                    String add = "ALTER TABLE " + schema + "." + table + " ADD CONSTRAINT " + rs.getString(1) + " "
                            + toCopy(rs.getString(2));
                    if ("f".equals(rs.getString(3))) {
                        foreignKeys.add(add);
                    } else {
                        jdbc.execute(add);
                    }
                }, live(table));
                // An index's definition leaves out its expressions' statistics targets too.
                jdbc.query("""
                        SELECT pg_get_indexdef(i.indexrelid), i.indisunique, quote_ident(x.relname),
                               (SELECT string_agg('ALTER COLUMN ' || attnum || ' SET STATISTICS ' || attstattarget, ', '
                                                  ORDER BY attnum) FROM pg_attribute
                                WHERE attrelid = i.indexrelid AND attstattarget >= 0)
                        FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
                        WHERE i.indrelid = ?::regclass AND NOT EXISTS (
                            SELECT 1 FROM pg_constraint c
                            WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
                        ORDER BY i.indexrelid""", rs -> {
                    List<String> index = new ArrayList<>(List.of(toCopy(rs.getString(1))));
                    if (rs.getString(4) != null) {
                        index.add("ALTER INDEX " + schema + "." + rs.getString(3) + " " + rs.getString(4));
                    }
                    if (!rs.getBoolean(2) && indexedAfterFill.contains(table)) {
                        deferred.addAll(index);
                    } else {
                        index.forEach(jdbc::execute);
                    }
                }, live(table));
            }
            // Foreign keys last: they may point at a table of the copy created after theirs. Not after the fill: a
            // cascade is part of what the projector's deletes do.
            foreignKeys.forEach(jdbc::execute);
        });
    }

    /**
     * Adds the indexes {@link #create()} left out, in one transaction (the copy's processor must not be writing: its
     * batch and this would each wait for the other's table locks). Nothing is left to add after it.
     */
    void complete() {
        if (deferred.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL maintenance_work_mem = '" + INDEX_MEMORY + "'");
            jdbc.execute("SET LOCAL search_path TO pg_catalog");
            deferred.forEach(jdbc::execute);
        });
        deferred.clear();
    }

    /**
     * In one transaction: drops the live tables, moves the copies into the live schema and runs {@code alongside}
     * (the processors' tokens and dead letters change hands in the same commit). A running query holding the old
     * tables longer than the lock timeout makes it fail, and then nothing changed.
     */
    void switchIn(Runnable alongside) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            jdbc.execute("DROP TABLE " + String.join(", ", tables.stream().map(this::live).toList()));
            for (String table : tables) {
                jdbc.execute("ALTER TABLE " + schema + "." + table + " SET SCHEMA " + liveSchema);
            }
            jdbc.execute("DROP SCHEMA " + schema);
            alongside.run();
        });
    }

    /** Drops the copy (a cancelled or failed rebuild); the live tables are untouched. */
    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private String live(String table) {
        return liveSchema + "." + table;
    }

    /** A definition of the live tables, with every reference to a table of this read model pointed at its copy. */
    private String toCopy(String definition) {
        Pattern own = Pattern.compile("\\b" + Pattern.quote(liveSchema) + "\\.(" + String.join("|", tables) + ")\\b");
        return own.matcher(definition).replaceAll(Matcher.quoteReplacement(schema) + ".$1");
    }
}
