package io.alter8.query.jdbc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which held writes of a replayed batch share a JDBC batch: as few batches as possible, without moving a write ahead
 * of one of its own aggregate, of its own row, or of a fence.
 */
class ReplayWritesTest {

    private static final String REGISTER = "INSERT INTO listing …";
    private static final String ADD_UNIT = "INSERT INTO unit …";
    private static final String COUNT_UNITS = "UPDATE listing SET units = (SELECT count(*) …)";
    private static final String RATE = "INSERT INTO rating SELECT avg(…)";

    private static ReplayWrites.Row row(String table, Object key) {
        return new ReplayWrites.Row(table, List.of(key));
    }

    /** Each batch as its statement and the first parameter of each write, in the order they run. */
    private static List<String> plan(ReplayWrites writes) {
        return writes.batches().stream()
                     .map(b -> b.sql() + " " + b.writes().stream().map(w -> String.valueOf(w.parameters()[0])).toList())
                     .toList();
    }

    @Test
    void theSameStatementsOfManyAggregatesGoInOneBatchEachInTheirAggregatesOrder() {
        ReplayWrites writes = new ReplayWrites();
        for (String property : List.of("a", "b", "c")) {
            writes.add(property, row("listing", property), REGISTER, new Object[] {property});
            writes.add(property, row("unit", property + "1"), ADD_UNIT, new Object[] {property + "1"});
            writes.add(property, row("listing", property), COUNT_UNITS, new Object[] {property});
        }

        assertThat(plan(writes)).containsExactly(REGISTER + " [a, b, c]", ADD_UNIT + " [a1, b1, c1]",
                                                 COUNT_UNITS + " [a, b, c]");
        assertThat(writes.writes()).isEqualTo(9);
    }

    @Test
    void aWriteNeverOvertakesAnEarlierWriteOfItsAggregate() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("a", row("listing", "a"), REGISTER, new Object[] {"a register"});
        writes.add("a", row("listing", "a"), COUNT_UNITS, new Object[] {"a count"});
        // The same statement again for a: it must run after a's count, so it cannot join the first batch.
        writes.add("a", row("listing", "a"), REGISTER, new Object[] {"a again"});
        // b has no earlier write: it joins the latest batch of its statement.
        writes.add("b", row("listing", "b"), REGISTER, new Object[] {"b register"});

        assertThat(plan(writes)).containsExactly(REGISTER + " [a register]", COUNT_UNITS + " [a count]",
                                                 REGISTER + " [a again, b register]");
    }

    @Test
    void aRowThatSeveralAggregatesWriteKeepsTheOrderOfItsWrites() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("property", row("relation", "tenant"), "UPSERT relation", new Object[] {"occupied"});
        writes.add("lease", row("lease", "lease"), "UPDATE lease", new Object[] {"lease"});
        writes.add("lease", row("relation", "tenant"), "UPDATE relation", new Object[] {"applied"});
        writes.add("property", row("relation", "tenant"), "UPSERT relation", new Object[] {"occupied again"});

        assertThat(plan(writes)).containsExactly("UPSERT relation [occupied]", "UPDATE lease [lease]",
                                                 "UPDATE relation [applied]", "UPSERT relation [occupied again]");
    }

    @Test
    void aFenceRunsAfterEverythingBeforeItAndBeforeEverythingAfterIt() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("v1", row("verification", "v1"), REGISTER, new Object[] {"v1"});
        writes.fence(RATE, new Object[] {"rate after v1"});
        writes.add("v2", row("verification", "v2"), REGISTER, new Object[] {"v2"});
        writes.fence(RATE, new Object[] {"rate after v2"});
        writes.fence(RATE, new Object[] {"rate again"});

        assertThat(plan(writes)).containsExactly(REGISTER + " [v1]", RATE + " [rate after v1]", REGISTER + " [v2]",
                                                 RATE + " [rate after v2, rate again]");
    }

    /** A write that joins any later one of its kind: its statement names every value joined, in order. */
    private record Joinable(String sql, Object[] parameters) implements ReplayWrites.Write {

        @Override
        public ReplayWrites.Write followedBy(ReplayWrites.Write later) {
            return later instanceof Joinable next
                    ? new Joinable(sql + "+" + next.parameters()[0], new Object[] {parameters[0]}) : null;
        }
    }

    @Test
    void aRowsLaterWriteJoinsItsPreviousOneOnlyWhenNothingOfItsAggregateOrAFenceCameBetween() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("a", row("listing", "a"), new Joinable("UPSERT listing", new Object[] {"a"}));
        writes.add("a", row("listing", "a"), new Joinable("UPDATE listing", new Object[] {"verified"}));
        writes.add("b", row("listing", "b"), new Joinable("UPSERT listing", new Object[] {"b"}));
        // Another aggregate's write between does not keep a's next write from joining.
        writes.add("a", row("listing", "a"), new Joinable("UPDATE listing", new Object[] {"active"}));
        // A unit of a, then a's listing again: that write must follow the unit's, so it cannot join.
        writes.add("a", row("unit", "a1"), ADD_UNIT, new Object[] {"a1"});
        writes.add("a", row("listing", "a"), new Joinable("UPDATE listing", new Object[] {"a counted"}));
        writes.fence(RATE, new Object[] {"rate"});
        writes.add("b", row("listing", "b"), new Joinable("UPDATE listing", new Object[] {"b after the fence"}));
        // A statement that joins nothing stays on its own.
        writes.add("b", row("listing", "b"), COUNT_UNITS, new Object[] {"b count"});

        assertThat(plan(writes)).containsExactly("UPSERT listing+verified+active [a]", "UPSERT listing [b]",
                                                 ADD_UNIT + " [a1]", "UPDATE listing [a counted]", RATE + " [rate]",
                                                 "UPDATE listing [b after the fence]", COUNT_UNITS + " [b count]");
        assertThat(writes.writes()).isEqualTo(9);
    }

    /** A write of its own row that reads no other row and joins nothing. */
    private record OwnRowOnly(String sql, Object[] parameters) implements ReplayWrites.Write {

        @Override
        public ReplayWrites.Write followedBy(ReplayWrites.Write later) {
            return null;
        }

        @Override
        public boolean readsOtherRows() {
            return false;
        }
    }

    /** A write that joins any later one of its kind, also across other rows' writes (it recomputes what it read). */
    private record Recomputed(String sql, Object[] parameters) implements ReplayWrites.Write {

        @Override
        public ReplayWrites.Write followedBy(ReplayWrites.Write later) {
            return later instanceof Recomputed next
                    ? new Recomputed(sql + "+" + next.parameters()[0], new Object[] {parameters[0]}) : null;
        }

        @Override
        public ReplayWrites.Write followedAcross(ReplayWrites.Write later) {
            return followedBy(later);
        }
    }

    @Test
    void aRowsLaterWriteJoinsAcrossItsAggregatesWritesOfRowsThatReadNothingElseAndRunsAfterThem() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("a", row("listing", "a"), new Recomputed("UPSERT listing", new Object[] {"a"}));
        writes.add("a", row("unit", "a1"), new OwnRowOnly(ADD_UNIT, new Object[] {"a1"}));
        writes.add("b", row("listing", "b"), new Recomputed("UPSERT listing", new Object[] {"b"}));
        writes.add("a", row("listing", "a"), new Recomputed("UPDATE listing", new Object[] {"a counted"}));
        writes.add("a", row("unit", "a2"), new OwnRowOnly(ADD_UNIT, new Object[] {"a2"}));
        writes.add("a", row("listing", "a"), new Recomputed("UPDATE listing", new Object[] {"a counted again"}));
        writes.add("a", row("listing", "a"), new Recomputed("UPDATE listing", new Object[] {"a listed"}));
        // A write between that reads other rows keeps b's next write from joining across it.
        writes.add("b", row("unit", "b1"), ADD_UNIT, new Object[] {"b1"});
        writes.add("b", row("listing", "b"), new Recomputed("UPDATE listing", new Object[] {"b counted"}));

        // a's listing is one write, after both its units; b's registration stays where it was.
        assertThat(plan(writes)).containsExactly(ADD_UNIT + " [a1, a2]", "UPSERT listing [b]",
                                                 "UPSERT listing+a counted+a counted again+a listed [a]",
                                                 ADD_UNIT + " [b1]", "UPDATE listing [b counted]");
        assertThat(writes.writes()).isEqualTo(9);
    }

    @Test
    void clearedWritesStartAfresh() {
        ReplayWrites writes = new ReplayWrites();
        writes.add("a", row("listing", "a"), REGISTER, new Object[] {"a"});
        writes.clear();
        writes.add("a", row("listing", "a"), ADD_UNIT, new Object[] {"a1"});

        assertThat(plan(writes)).containsExactly(ADD_UNIT + " [a1]");
        assertThat(writes.isEmpty()).isFalse();
    }
}
