package io.alter8.query.jdbc;

import io.alter8.query.QuerySideTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarded writes on the real read database, on a table of their own that lives for one transaction: an event at
 * or below a row's version changes nothing, a newer one creates, advances or deletes it.
 */
@QuerySideTest
class VersionedRowsTest {

    @Autowired
    VersionedRows rows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    private void inScratchTables(Runnable test) {
        tx.executeWithoutResult(s -> {
            jdbc.update("CREATE TEMP TABLE scratch (id UUID PRIMARY KEY, name TEXT, made TEXT, extra TEXT,"
                                + " version BIGINT NOT NULL) ON COMMIT DROP");
            jdbc.update("CREATE TEMP TABLE scratch_child (parent_id UUID, note TEXT) ON COMMIT DROP");
            test.run();
        });
    }

    private String row(UUID id) {
        List<String> found = jdbc.queryForList("SELECT name || '/' || made || '/' || version FROM scratch WHERE id = ?",
                                               String.class, id);
        return found.isEmpty() ? null : found.get(0);
    }

    private int upsert(UUID id, String name, String made, long sequence) {
        return rows.upsert("scratch").key("id", id).set("name", name).onCreate("made", made).apply(sequence);
    }

    @Test
    void anUpsertCreatesThenAdvancesOnlyForNewerEventsAndKeepsWhatOnlyCreationSets() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            assertThat(upsert(id, "first", "at 0", 0)).isEqualTo(1);
            assertThat(upsert(id, "second", "at 2", 2)).isEqualTo(1);
            assertThat(row(id)).isEqualTo("second/at 0/2");

            assertThat(upsert(id, "late", "late", 1)).isZero();
            assertThat(upsert(id, "again", "again", 2)).isZero();
            assertThat(row(id)).isEqualTo("second/at 0/2");
        });
    }

    @Test
    void anUpdateChangesOnlyExistingOlderRowsAndItsChildStatementRunsOnlyWhenItDid() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            upsert(id, "first", "at 0", 0);
            String child = "INSERT INTO scratch_child (parent_id, note) SELECT id, ? FROM written";

            assertThat(rows.update("scratch").key("id", id).set("name", "renamed").then(child, "renamed")
                           .apply(3)).isEqualTo(1);
            assertThat(rows.update("scratch").key("id", id).set("name", "stale").then(child, "stale")
                           .apply(3)).isZero();
            assertThat(rows.update("scratch").key("id", UUID.randomUUID()).set("name", "nobody").apply(9)).isZero();

            assertThat(row(id)).isEqualTo("renamed/at 0/3");
            assertThat(jdbc.queryForList("SELECT note FROM scratch_child WHERE parent_id = ?", String.class, id))
                    .containsExactly("renamed");
            assertThat(rows.update("scratch").key("id", id).expression("name", "name || ?", "+").apply(4,
                    "old.name, new.name", (rs, n) -> rs.getString(1) + "->" + rs.getString(2)))
                    .containsExactly("renamed->renamed+");
        });
    }

    @Test
    void aDeleteRemovesTheRowOnlyForANewerEvent() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            upsert(id, "first", "at 0", 0);
            upsert(id, "second", "at 0", 5);

            assertThat(rows.delete("scratch").key("id", id).apply(5)).isZero();
            assertThat(row(id)).isEqualTo("second/at 0/5");
            assertThat(rows.delete("scratch").key("id", id).apply(6)).isEqualTo(1);
            assertThat(row(id)).isNull();
        });
    }

    /** A unit of work handling the event at {@code sequence} of aggregate {@code id}, replayed or live. */
    private static DefaultUnitOfWork<?> handling(UUID id, long sequence, boolean replayed) {
        TrackingToken live = new GlobalSequenceTrackingToken(100 + sequence);
        TrackingToken token = replayed
                ? ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(1_000), live) : live;
        return DefaultUnitOfWork.startAndGet(new GenericTrackedDomainEventMessage<>(
                token, new GenericDomainEventMessage<>("Scratch", id.toString(), sequence, "event")));
    }

    @Test
    void aReplayedBatchHoldsItsWritesUntilItCommitsThenLeavesTheRowsOneByOneWritesWould() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            DefaultUnitOfWork<?> batch = handling(id, 0, true);
            assertThat(upsert(id, "first", "at 0", 0)).isEqualTo(VersionedRows.HELD);
            assertThat(upsert(other, "other", "at 0", 0)).isEqualTo(VersionedRows.HELD);
            // The same aggregate's later write with another statement, then a stale one that must change nothing.
            assertThat(rows.update("scratch").key("id", id).expression("name", "name || ?", "+").apply(1))
                    .isEqualTo(VersionedRows.HELD);
            assertThat(upsert(id, "stale", "stale", 1)).isEqualTo(VersionedRows.HELD);
            rows.statement("INSERT INTO scratch_child (parent_id, note) SELECT id, name FROM scratch");
            assertThat(row(id)).isNull();

            batch.commit();

            assertThat(row(id)).isEqualTo("first+/at 0/1");
            assertThat(row(other)).isEqualTo("other/at 0/0");
            assertThat(jdbc.queryForList("SELECT note FROM scratch_child ORDER BY note", String.class))
                    .containsExactly("first+", "other");
        });
    }

    @Test
    void manyRowsCreatedInOneBatchGoInTogetherAndEveryRowEndsAsOneByOneWritesWouldLeaveIt() {
        inScratchTables(() -> {
            UUID older = UUID.randomUUID();
            UUID newer = UUID.randomUUID();
            UUID twice = UUID.randomUUID();
            upsert(older, "old", "at 0", 0);
            upsert(newer, "new", "at 5", 5);
            List<UUID> fresh = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                fresh.add(UUID.randomUUID());
            }

            // 93 rows of one statement: chunks of 64, 16 and 4 rows, and the rest one by one; the existing rows and
            // the row written twice sit inside the chunks.
            DefaultUnitOfWork<?> batch = handling(older, 1, true);
            for (int i = 0; i < fresh.size(); i++) {
                upsert(fresh.get(i), "fresh " + i, "at 1", 1);
                if (i == 10) {
                    upsert(older, "replayed", "again", 1);
                    upsert(twice, "first", "at 1", 1);
                }
                if (i == 70) {
                    upsert(newer, "stale", "stale", 1);
                    upsert(twice, "second", "again", 2);
                }
            }
            assertThat(row(fresh.get(0))).isNull();
            batch.commit();

            for (int i = 0; i < fresh.size(); i++) {
                assertThat(row(fresh.get(i))).isEqualTo("fresh " + i + "/at 1/1");
            }
            assertThat(row(older)).as("an existing older row advances and keeps what its creation set")
                                  .isEqualTo("replayed/at 0/1");
            assertThat(row(newer)).as("an existing newer row is left alone").isEqualTo("new/at 5/5");
            assertThat(row(twice)).as("a row's later write follows its creation").isEqualTo("second/at 1/2");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scratch", Long.class)).isEqualTo(93);
        });
    }

    /** Row versions the transaction has written to the scratch table: inserted plus updated tuples. */
    private long rowVersionsWritten() {
        return jdbc.queryForObject("SELECT n_tup_ins + n_tup_upd FROM pg_stat_xact_all_tables WHERE relname = 'scratch'"
                                           + " AND schemaname LIKE 'pg_temp%'", Long.class);
    }

    @Test
    void aRowsLaterUpdatesInAReplayedBatchJoinItsFirstWriteAndLeaveTheRowOneByOneWritesWould() {
        inScratchTables(() -> {
            UUID fresh = UUID.randomUUID();
            UUID ahead = UUID.randomUUID();
            // A row already at version 1: the replayed write of its event 1 must change nothing, the one of 2 must.
            upsert(ahead, "one", "at 0", 1);
            long before = rowVersionsWritten();

            DefaultUnitOfWork<?> batch = handling(fresh, 0, true);
            rows.upsert("scratch").key("id", fresh).set("name", "registered").onCreate("made", "at 0").apply(0);
            rows.update("scratch").key("id", fresh).set("extra", "verified").apply(1);
            rows.update("scratch").key("id", fresh).set("name", "listed").set("made", "listed").apply(2);
            batch.commit();

            assertThat(row(fresh)).isEqualTo("listed/listed/2");
            assertThat(jdbc.queryForObject("SELECT extra FROM scratch WHERE id = ?", String.class, fresh))
                    .isEqualTo("verified");
            assertThat(rowVersionsWritten() - before).as("one row version for three writes").isEqualTo(1);

            DefaultUnitOfWork<?> again = handling(ahead, 1, true);
            rows.upsert("scratch").key("id", ahead).set("name", "one replayed").set("extra", "at 1")
                .onCreate("made", "again").apply(1);
            rows.update("scratch").key("id", ahead).set("extra", "at 2").apply(2);
            again.commit();

            assertThat(row(ahead)).isEqualTo("one/at 0/2");
            assertThat(jdbc.queryForObject("SELECT extra FROM scratch WHERE id = ?", String.class, ahead))
                    .isEqualTo("at 2");
        });
    }

    /** Writes one event's child row of {@code parent}, and the parent's count of children derived from them. */
    private void childAdded(UUID parent, UUID child, long sequence) {
        rows.upsert("scratch_unit").key("id", child).set("parent_id", parent).apply(sequence);
        rows.update("scratch").key("id", parent)
            .derived("extra", "(SELECT count(*)::text FROM scratch_unit WHERE parent_id = ?)", parent)
            .apply(sequence);
    }

    @Test
    void aRowsCreationItsChildRowsAndWhatItDerivesFromThemAreOneRowVersionInAReplayedBatch() {
        inScratchTables(() -> {
            jdbc.update("CREATE TEMP TABLE scratch_unit (id UUID PRIMARY KEY, parent_id UUID, version BIGINT NOT NULL)"
                                + " ON COMMIT DROP");
            UUID replayed = UUID.randomUUID();
            UUID live = UUID.randomUUID();
            long before = rowVersionsWritten();

            DefaultUnitOfWork<?> batch = handling(replayed, 0, true);
            upsert(replayed, "registered", "at 0", 0);
            childAdded(replayed, UUID.randomUUID(), 1);
            childAdded(replayed, UUID.randomUUID(), 2);
            rows.update("scratch").key("id", replayed).set("name", "listed").apply(3);
            batch.commit();

            assertThat(rowVersionsWritten() - before).as("one row version for four writes").isEqualTo(1);

            // The same events one by one, as live events are written: the same row.
            upsert(live, "registered", "at 0", 0);
            childAdded(live, UUID.randomUUID(), 1);
            childAdded(live, UUID.randomUUID(), 2);
            rows.update("scratch").key("id", live).set("name", "listed").apply(3);
            String extra = "SELECT extra FROM scratch WHERE id = ?";
            assertThat(row(replayed)).isEqualTo(row(live)).isEqualTo("listed/at 0/3");
            assertThat(jdbc.queryForObject(extra, String.class, replayed))
                    .isEqualTo(jdbc.queryForObject(extra, String.class, live)).isEqualTo("2");
        });
    }

    @Test
    void aLiveBatchHoldsItsWritesUntilItCommitsAndABatchRetriedAfterAFailureWritesAtOnce() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            DefaultUnitOfWork<?> live = handling(id, 0, false);
            assertThat(upsert(id, "live", "at 0", 0)).isEqualTo(VersionedRows.HELD);
            assertThat(rows.update("scratch").key("id", id).set("name", "live, listed").apply(1))
                    .isEqualTo(VersionedRows.HELD);
            assertThat(row(id)).isNull();
            live.commit();
            assertThat(row(id)).isEqualTo("live, listed/at 0/1");
            // Joined: the creation and its update are one row version, as in a replay.
            assertThat(rowVersionsWritten()).isEqualTo(1);

            DefaultUnitOfWork<?> retried = handling(id, 2, false);
            retried.resources().put(VersionedRows.WRITE_AT_ONCE, Boolean.TRUE);
            assertThat(upsert(id, "retried", "at 2", 2)).isEqualTo(1);
            assertThat(row(id)).isEqualTo("retried/at 0/2");
            retried.commit();
        });
    }

    @Test
    void workAroundHeldWritesSeesTheRowsJustBeforeAndJustAfterTheyAreSent() {
        inScratchTables(() -> {
            UUID id = UUID.randomUUID();
            upsert(id, "before", "at 0", 0);
            List<String> seen = new ArrayList<>();
            DefaultUnitOfWork<?> live = handling(id, 1, false);
            class Looking implements VersionedRows.AroundWrites {
                @Override
                public void beforeWrites() {
                    seen.add("before: " + row(id));
                }

                @Override
                public void afterWrites() {
                    seen.add("after: " + row(id));
                }
            }
            Looking first = rows.aroundHeldWrites("looking", Looking::new);
            rows.update("scratch").key("id", id).set("name", "renamed").apply(1);
            assertThat(rows.aroundHeldWrites("looking", Looking::new)).isSameAs(first);
            assertThat(seen).isEmpty();
            live.commit();
            assertThat(seen).containsExactly("before: before/at 0/0", "after: renamed/at 0/1");

            assertThat(rows.aroundHeldWrites("looking", Looking::new)).isNull();
        });
    }

    @Test
    void datesAndTimesAreStoredAsGivenWhetherWrittenAtOnceOrHeldWithOthers() {
        tx.executeWithoutResult(status -> {
            jdbc.update("CREATE TEMP TABLE scratch_dated (id UUID PRIMARY KEY, at TIMESTAMPTZ, day DATE,"
                                + " version BIGINT NOT NULL) ON COMMIT DROP");
            OffsetDateTime onTheMinute = OffsetDateTime.parse("2026-12-06T22:30:00Z");
            OffsetDateTime precise = OffsetDateTime.parse("2026-03-01T00:00:01.123456+05:30");
            UUID once = UUID.randomUUID();
            rows.upsert("scratch_dated").key("id", once).set("at", onTheMinute).set("day", LocalDate.of(2026, 2, 28))
                .apply(0);
            UUID held = UUID.randomUUID();
            UUID empty = UUID.randomUUID();
            DefaultUnitOfWork<?> batch = handling(held, 0, false);
            rows.upsert("scratch_dated").key("id", held).set("at", precise).set("day", LocalDate.of(1999, 12, 31))
                .apply(0);
            rows.upsert("scratch_dated").key("id", empty).set("at", null).set("day", null).apply(0);
            batch.commit();

            String read = "SELECT at, day FROM scratch_dated WHERE id = ?";
            RowMapper<String> dated = (rs, n) -> rs.getObject(1, OffsetDateTime.class) + " " + rs.getObject(2,
                    LocalDate.class);
            assertThat(jdbc.queryForObject(read, dated, once)).isEqualTo(
                    onTheMinute.withOffsetSameInstant(ZoneOffset.UTC) + " 2026-02-28");
            assertThat(jdbc.queryForObject(read, dated, held)).isEqualTo(
                    precise.withOffsetSameInstant(ZoneOffset.UTC) + " 1999-12-31");
            assertThat(jdbc.queryForObject(read, dated, empty)).isEqualTo("null null");
        });
    }
}
