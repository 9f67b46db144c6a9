package io.alter8.infra.local;

import io.alter8.infra.local.BenchCommand.BenchException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's own limit: one-row commits per second on the event store's PostgreSQL, from as many connections as
 * the benchmark has clients, each transaction a single INSERT into a scratch table (plain JDBC, autocommit, fsync as
 * the server has it). A command needs at least one such commit, so commands/s divided by this is how close the stack
 * comes to what the store can do on this machine, now.
 */
final class RawCommits {

    private static final String TABLE = "alter8_bench_raw_commit";

    private final BenchCommand.Database database;

    RawCommits(BenchCommand.Database database) {
        this.database = database;
    }

    /** Commits per second over {@code duration}, from {@code clients} connections. */
    double measure(int clients, Duration duration) {
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id bigserial PRIMARY KEY, client int NOT NULL, "
                        + "at timestamptz NOT NULL DEFAULT now())");
        try {
            AtomicLong commits = new AtomicLong();
            long[] window = new long[2];
            StackHttp.onClients(clients, () -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO " + TABLE + " (client) VALUES (?)")) {
                    connection.setAutoCommit(true);
                    insert.setInt(1, (int) Thread.currentThread().getId());
                    // A few unmeasured commits first: connection set-up and the prepared plan are not the limit.
                    for (int i = 0; i < 20; i++) {
                        insert.executeUpdate();
                    }
                    synchronized (window) {
                        if (window[0] == 0) {
                            window[0] = System.nanoTime();
                            window[1] = window[0] + duration.toNanos();
                        }
                    }
                    while (System.nanoTime() < window[1]) {
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            });
            return commits.get() / (duration.toNanos() / 1e9);
        } finally {
            execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchException("PostgreSQL at " + database.url() + ": " + e.getMessage()
                                             + " (set --db-url, or ALTER8_DB_URL/USER/PASSWORD)");
        }
    }
}
