package io.alter8.query.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one replayed batch, gathered into JDBC batches of one statement each. A write joins the latest batch
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
 */
final class ReplayWrites {

    /** One statement and the parameters of each of its writes, in order. */
    record Batch(String sql, List<Object[]> parameters) {
    }

    /** A row: its table and key values. */
    record Row(String table, List<Object> key) {
    }

    private final List<Batch> batches = new ArrayList<>();
    private final Map<String, Integer> lastBatchOfStatement = new HashMap<>();
    private final Map<String, Integer> lastBatchOfAggregate = new HashMap<>();
    private final Map<Row, Integer> lastBatchOfRow = new HashMap<>();
    private int lastFence = -1;
    private int writes;

    /** A write of {@code row} for an event of {@code aggregate}. */
    void add(String aggregate, Row row, String sql, Object[] parameters) {
        int after = Math.max(lastFence, Math.max(lastBatchOfAggregate.getOrDefault(aggregate, -1),
                                                 lastBatchOfRow.getOrDefault(row, -1)));
        Integer latest = lastBatchOfStatement.get(sql);
        int batch = latest != null && latest >= after ? latest : open(sql);
        batches.get(batch).parameters().add(parameters);
        lastBatchOfAggregate.put(aggregate, batch);
        lastBatchOfRow.put(row, batch);
        writes++;
    }

    /** A statement that may touch any row: after every write so far, before every later one. */
    void fence(String sql, Object[] parameters) {
        int last = batches.size() - 1;
        int batch = last >= 0 && batches.get(last).sql().equals(sql) ? last : open(sql);
        batches.get(batch).parameters().add(parameters);
        lastFence = batch;
        writes++;
    }

    private int open(String sql) {
        batches.add(new Batch(sql, new ArrayList<>()));
        int index = batches.size() - 1;
        lastBatchOfStatement.put(sql, index);
        return index;
    }

    /** The batches to run, in order. */
    List<Batch> batches() {
        return batches;
    }

    int writes() {
        return writes;
    }

    boolean isEmpty() {
        return writes == 0;
    }

    void clear() {
        batches.clear();
        lastBatchOfStatement.clear();
        lastBatchOfAggregate.clear();
        lastBatchOfRow.clear();
        lastFence = -1;
        writes = 0;
    }
}
