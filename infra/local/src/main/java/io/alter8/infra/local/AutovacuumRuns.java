package io.alter8.infra.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which tables autovacuum analysed or vacuumed while the commands ran, from PostgreSQL's own counters. While the bench
 * grows the tables by a fifth a minute, autovacuum analyses them about once a minute, a few seconds of CPU on cores
 * the commands already keep busy; a run whose tail is long can then be told from one that met no analysis, without
 * reading the server's log.
 */
final class AutovacuumRuns {

    /** Autovacuum's analyses and vacuums so far, per table ({@code schema.table}), of the database behind the URL. */
    record Counts(Map<String, Long> analyses, Map<String, Long> vacuums) {
    }

    private AutovacuumRuns() {
    }

    /** The counters now, or empty if the database cannot be read (the bench goes on without them). */
    static Optional<Counts> read(BenchCommand.Database database) {
        Map<String, Long> analyses = new TreeMap<>();
        Map<String, Long> vacuums = new TreeMap<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT schemaname || '.' || relname, autoanalyze_count, autovacuum_count FROM pg_stat_all_tables
                     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""")) {
            while (rows.next()) {
                analyses.put(rows.getString(1), rows.getLong(2));
                vacuums.put(rows.getString(1), rows.getLong(3));
            }
        } catch (SQLException e) {
            Console.say("autovacuum's counters not read: {}", e.getMessage());
            return Optional.empty();
        }
        return Optional.of(new Counts(analyses, vacuums));
    }

    /** The runs between two readings, per table, leaving out tables with none. */
    static Map<String, Map<String, Long>> between(Counts before, Counts after) {
        Map<String, Map<String, Long>> runs = new LinkedHashMap<>();
        runs.put("analyses", delta(before.analyses(), after.analyses()));
        runs.put("vacuums", delta(before.vacuums(), after.vacuums()));
        return runs;
    }

    /** "2 analyses (a, b), 1 vacuum (a)", or "none": what {@link #between} found, for the report. */
    static String describe(Map<String, Map<String, Long>> runs) {
        List<String> parts = new ArrayList<>();
        said(parts, runs.get("analyses"), "analysis", "analyses");
        said(parts, runs.get("vacuums"), "vacuum", "vacuums");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void said(List<String> parts, Map<String, Long> tables, String one, String many) {
        long count = tables.values().stream().mapToLong(Long::longValue).sum();
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many) + " (" + String.join(", ", tables.keySet()) + ")");
        }
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((table, count) -> {
            long runs = count - before.getOrDefault(table, 0L);
            if (runs > 0) {
                delta.put(table, runs);
            }
        });
        return delta;
    }
}
