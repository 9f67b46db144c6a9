package io.alter8.command.audit;

import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one query, read page by page on a read-only connection of their own, so that memory stays flat however
 * many there are; closing it gives the connection back.
 */
final class RowCursor<T> implements Iterator<T>, AutoCloseable {

    static final int FETCH_SIZE = 5000;

    private final Connection connection;
    private final ResultSet rows;
    private final RowMapper<T> mapper;
    private Boolean ahead;

    private RowCursor(Connection connection, ResultSet rows, RowMapper<T> mapper) {
        this.connection = connection;
        this.rows = rows;
        this.mapper = mapper;
    }

    static <T> RowCursor<T> open(DataSource dataSource, String sql, RowMapper<T> mapper) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            // PostgreSQL's driver reads in pages of the fetch size only outside auto-commit.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            return new RowCursor<>(connection, statement.executeQuery(), mapper);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw unreadable(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (ahead == null) {
            try {
                ahead = rows.next();
            } catch (SQLException e) {
                throw unreadable(e);
            }
        }
        return ahead;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ahead = null;
        try {
            return mapper.mapRow(rows, 0);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            // Nothing was written; the pool discards a connection it cannot reset.
        }
    }

    private static IllegalStateException unreadable(SQLException e) {
        return new IllegalStateException("the event log could not be read", e);
    }
}
