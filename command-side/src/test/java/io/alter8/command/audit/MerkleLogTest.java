package io.alter8.command.audit;

import io.alter8.command.CommandSideTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tree grows in position order and never past a position that may still commit: a slow writer holds it back
 * until it commits (its event then takes its place) or rolls back (its position is then passed over). The events
 * here are written as any writer could, straight into the table, under a type no handler knows.
 */
@CommandSideTest
class MerkleLogTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    MerkleLog tree;

    long store(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, 0, "
                        + "'GapProbe', ?, 'io.alter8.test.GapProbed', '1', ?, ?) RETURNING global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    long storeNow() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return store(connection);
        }
    }

    @Test
    void anEventStillBeingWrittenHoldsTheTreeBackAndTakesItsPlaceWhenItCommits() throws SQLException {
        long slow;
        long fast;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            slow = store(writer);
            fast = storeNow();
            assertThat(fast).isGreaterThan(slow);

            tree.growAll();

            assertThat(tree.leafAt(fast)).as("a later event waits for the one before it").isEmpty();
            writer.commit();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            tree.growAll();
            assertThat(tree.leafAt(fast)).isPresent();
        });
        assertThat(tree.leafAt(fast).orElseThrow().treeIndex())
                .isEqualTo(tree.leafAt(slow).orElseThrow().treeIndex() + 1);
    }

    @Test
    void aPositionWhoseWriterRollsBackIsPassedOverOnceItEnded() throws SQLException {
        long aborted;
        long fast;
        long before = storeNow();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            aborted = store(writer);
            fast = storeNow();

            tree.growAll();

            assertThat(tree.leafAt(fast)).isEmpty();
            writer.rollback();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            tree.growAll();
            assertThat(tree.leafAt(fast)).isPresent();
        });
        assertThat(tree.leafAt(aborted)).isEmpty();
        assertThat(tree.leafAt(fast).orElseThrow().treeIndex())
                .isEqualTo(tree.leafAt(before).orElseThrow().treeIndex() + 1);
    }

    @Test
    void aStoredEventJoinsTheTreeByItselfOnceTheStoreSignalsIt() throws SQLException {
        long position = storeNow();

        // Nobody grows the tree here: the store's signal wakes the grower (it looks by itself only once a minute,
        // as does the checkpoint signer, so this deadline is met only through the signal).
        await().atMost(Duration.ofSeconds(5)).until(() -> tree.leafAt(position).isPresent());
    }
}
