package io.alter8.query.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The writes of one batch of events, gathered into JDBC batches of one statement each. A write joins the latest batch
 * of its statement unless that would move it ahead of a write it must follow, and only then starts a new batch:
 * <ul>
 *   <li>an earlier write of the same aggregate: a version guard compares sequence numbers of one aggregate, and a
 *       write may read the rows its aggregate's earlier events wrote (a listing counting its units);</li>
 *   <li>an earlier write of the same row (a row several aggregates write, such as a tenant's relation);</li>
 *   <li>an earlier fence: a statement that may read or write any row (a rating averaged over other aggregates'
 *       rows), which runs after everything before it and before everything after it.</li>
 * </ul>
 * Writes of different aggregates on different rows may change order, as they may anyway when a processor's segments
 * run them in parallel. Running the batches in order then leaves the rows the writes would have left one by one.
 * <p>
 * <b>Writes of one row coalesce.</b> A write that {@linkplain Write#followedBy can join} the row's previous write
 * becomes part of it, when nothing of its aggregate and no fence came in between: a listing's registration,
 * verification, activation and listing make one row version instead of four. Each table keeps an index entry per row
 * version it writes, so this is most of what a replay of such a row costs the database.
 * <p>
 * Writes of the aggregate on other rows may come in between if each reads nothing but its own row (a listing's unit):
 * the later write then {@linkplain Write#followedAcross joins across them} and the joined write runs in its place,
 * after them, so that what it computes from those rows (the listing's unit count) sees them. The earlier write loses
 * nothing by running later: no write between reads its row. So a listing's registration, units and unit count are
 * one version of the listing row too.
 */
final class ReplayWrites {

    /** One statement and its writes, in order. */
    record Batch(String sql, List<Write> writes) {
    }

    /** A row: its table and key values. */
    record Row(String table, List<Object> key) {
    }

    /** A held write: its statement and parameters, as it stands once the writes that joined it are in. */
    interface Write {

        String sql();

        Object[] parameters();

        /**
         * This write and {@code later} (of the same row and aggregate, with nothing of the aggregate between them) as
         * one write that leaves the row as the two would; null if they cannot be one.
         */
        Write followedBy(Write later);

        /**
         * As {@link #followedBy}, when writes of the aggregate on other rows, none of which {@linkplain #readsOtherRows
         * reads other rows}, came between the two: the joined write runs in {@code later}'s place, after them. Null
         * unless it leaves the row as the two would there: whatever this write computes from other rows, {@code
         * later} must compute again.
         */
        default Write followedAcross(Write later) {
            return null;
        }

        /**
         * Whether the write reads rows besides its own (a count over child rows, a statement on them), so that an
         * earlier write may not be moved after it.
         */
        default boolean readsOtherRows() {
            return true;
        }
    }

    /** A statement that no later write joins. */
    private record Fixed(String sql, Object[] parameters) implements Write {

        @Override
        public Write followedBy(Write later) {
            return null;
        }
    }

    /** A held write in order: whose, of which row (null for a fence). */
    private record Entry(String aggregate, Row row, Write write) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> lastEntryOfAggregate = new HashMap<>();
    private final Map<String, Integer> lastReadingEntryOfAggregate = new HashMap<>();
    private final Map<Row, Integer> lastEntryOfRow = new HashMap<>();
    private int lastFence = -1;
    private int writes;
    /** Whether the batch's transaction plans its statements once ({@code plan_cache_mode}); for as long as it lasts. */
    private boolean genericPlans;
    /** Work around each sending of the writes, by name, in the order first asked. */
    private final Map<String, VersionedRows.AroundWrites> around = new LinkedHashMap<>();

    /** A write of {@code row} for an event of {@code aggregate}, as a statement that nothing joins. */
    void add(String aggregate, Row row, String sql, Object[] parameters) {
        add(aggregate, row, new Fixed(sql, parameters));
    }

    /** A write of {@code row} for an event of {@code aggregate}; it joins the row's previous write if it can. */
    void add(String aggregate, Row row, Write write) {
        writes++;
        Integer previous = lastEntryOfRow.get(row);
        if (previous != null && previous > lastFence) {
            Entry earlier = entries.get(previous);
            if (previous.equals(lastEntryOfAggregate.get(aggregate))) {
                Write joined = earlier.write().followedBy(write);
                if (joined != null) {
                    entries.set(previous, new Entry(aggregate, row, joined));
                    return;
                }
            } else if (aggregate.equals(earlier.aggregate())
                    && lastReadingEntryOfAggregate.getOrDefault(aggregate, -1) <= previous) {
                Write joined = earlier.write().followedAcross(write);
                if (joined != null) {
                    entries.set(previous, null);
                    append(new Entry(aggregate, row, joined));
                    return;
                }
            }
        }
        append(new Entry(aggregate, row, write));
    }

    private void append(Entry entry) {
        entries.add(entry);
        int index = entries.size() - 1;
        lastEntryOfAggregate.put(entry.aggregate(), index);
        lastEntryOfRow.put(entry.row(), index);
        if (entry.write().readsOtherRows()) {
            lastReadingEntryOfAggregate.put(entry.aggregate(), index);
        }
    }

    /** A statement that may touch any row: after every write so far, before every later one. */
    void fence(String sql, Object[] parameters) {
        writes++;
        entries.add(new Entry(null, null, new Fixed(sql, parameters)));
        lastFence = entries.size() - 1;
    }

    /** The batches to run, in order. */
    List<Batch> batches() {
        List<Batch> batches = new ArrayList<>();
        Map<String, Integer> lastBatchOfStatement = new HashMap<>();
        Map<String, Integer> lastBatchOfAggregate = new HashMap<>();
        Map<Row, Integer> lastBatchOfRow = new HashMap<>();
        int fence = -1;
        for (Entry entry : entries) {
            if (entry == null) {
                // joined into a later entry
                continue;
            }
            String sql = entry.write().sql();
            if (entry.row() == null) {
                int last = batches.size() - 1;
                fence = last >= 0 && batches.get(last).sql().equals(sql) ? last : open(batches, lastBatchOfStatement, sql);
                batches.get(fence).writes().add(entry.write());
                continue;
            }
            int after = Math.max(fence, Math.max(lastBatchOfAggregate.getOrDefault(entry.aggregate(), -1),
                                                 lastBatchOfRow.getOrDefault(entry.row(), -1)));
            Integer latest = lastBatchOfStatement.get(sql);
            int batch = latest != null && latest >= after ? latest : open(batches, lastBatchOfStatement, sql);
            batches.get(batch).writes().add(entry.write());
            lastBatchOfAggregate.put(entry.aggregate(), batch);
            lastBatchOfRow.put(entry.row(), batch);
        }
        return batches;
    }

    private static int open(List<Batch> batches, Map<String, Integer> lastBatchOfStatement, String sql) {
        batches.add(new Batch(sql, new ArrayList<>()));
        int index = batches.size() - 1;
        lastBatchOfStatement.put(sql, index);
        return index;
    }

    @SuppressWarnings("unchecked")
    <T extends VersionedRows.AroundWrites> T around(String name, Supplier<T> made) {
        return (T) around.computeIfAbsent(name, n -> made.get());
    }

    List<VersionedRows.AroundWrites> around() {
        return List.copyOf(around.values());
    }

    boolean usesGenericPlans() {
        return genericPlans;
    }

    void useGenericPlans() {
        genericPlans = true;
    }

    /** How many writes were added, joined ones included. */
    int writes() {
        return writes;
    }

    boolean isEmpty() {
        return writes == 0;
    }

    void clear() {
        entries.clear();
        lastEntryOfAggregate.clear();
        lastReadingEntryOfAggregate.clear();
        lastEntryOfRow.clear();
        lastFence = -1;
        writes = 0;
    }
}
