package io.alter8.command.audit;

import io.alter8.merkle.MerkleHashes;
import io.alter8.merkle.MerkleTree;
import io.alter8.merkle.Nodes;
import io.alter8.infra.eventstore.SignallingEventStore;
import io.alter8.merkle.TreeBuilder;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Merkle tree over the event log. The database gives every event its leaf as it is stored ({@code audit_leaf});
 * under Axon Server, {@link AuditLeafRecorder} writes them as it reads Axon Server's stream. This class appends
 * those leaves to the tree ({@code audit_tree_leaf}) in position order and keeps the hashes of its complete subtrees
 * of 16 leaves and more ({@code audit_tree_node}), from which it answers roots and proofs.
 * <p>
 * Concurrent writers commit out of position order, so a missing position may still commit. The tree stops at the
 * first one and waits until every transaction that was running when it saw a higher position has ended: positions
 * are drawn after the transaction id (migration {@code V2026_12_06_140}), so its owner is one of them. Then the
 * position either committed, and is appended, or never will, and is passed over: no event is ever skipped. Only
 * one instance grows the tree at a time (an advisory lock).
 * <p>
 * It grows when the event store signals new events ({@link SignallingEventStore#awaitNewEvents}), at most once per
 * {@code alter8.audit.grow-interval}, and again after that interval while it waits on a missing position; with
 * nothing stored it does no work (a store that cannot signal is looked at every interval). Readers of the tree grow
 * it first themselves ({@link #growAll}).
 */
@Component
class MerkleLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MerkleLog.class);
    /** How long the grower waits for news of events before it looks anyway. */
    private static final Duration IDLE_LOOK = Duration.ofMinutes(1);

    static final int STORED_LEVEL = 4;
    static final long GROWER_LOCK = 0x616c746572384d4cL;

    record TreeLeaf(long treeIndex, long position, String eventId, String aggregateId, byte[] leafHash) {
    }

    static final String LEAF_COLUMNS = "SELECT tree_index, position, event_identifier, aggregate_identifier, "
            + "leaf_hash FROM audit_tree_leaf ";
    static final RowMapper<TreeLeaf> LEAF = (rs, n) -> new TreeLeaf(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                                                    rs.getString(4), rs.getBytes(5));

    private record Gap(long seenAt, String snapshot) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batch;
    private final EventStore eventStore;
    private final Duration interval;
    private volatile Gap waitingOn;
    private Thread grower;

    MerkleLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStore eventStore,
              @Value("${alter8.audit.grow-batch:10000}") int batch,
              @Value("${alter8.audit.grow-interval:PT0.25S}") Duration interval) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.batch = batch;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        grower = new Thread(this::growWhenStored, "audit-tree-grower");
        grower.setDaemon(true);
        grower.start();
    }

    @Override
    public synchronized void stop() {
        if (grower != null) {
            grower.interrupt();
            grower = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return grower != null;
    }

    private void growWhenStored() {
        SignallingEventStore signalling = eventStore instanceof SignallingEventStore s ? s : null;
        try {
            long seen = signalling == null ? 0 : signalling.newEventsSignalled();
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                try {
                    growAll();
                } catch (RuntimeException e) {
                    // The database unreachable: the next look tries again; no event is skipped meanwhile.
                    log.warn("The audit tree did not grow: {}", e.getClass().getSimpleName());
                }
                // At most one growth per interval, however often events arrive: each takes whatever came meanwhile.
                long rest = interval.toNanos() - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
                if (signalling != null && waitingOn == null) {
                    seen = signalling.awaitNewEvents(seen, IDLE_LOOK);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Grows the tree as far as the committed events allow, batch by batch. */
    void growAll() {
        while (grow() == batch) {
            // a full batch: there may be more
        }
    }

    /** Appends up to one batch of leaves; answers how many. */
    synchronized int grow() {
        Integer appended = transaction.execute(tx -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                                                         GROWER_LOCK))) {
                return 0;
            }
            long size = size();
            long expected = lastPosition() + 1;
            long clearedBelow = 0;
            if (waitingOn != null && ended(waitingOn.snapshot())) {
                clearedBelow = waitingOn.seenAt();
                waitingOn = null;
            }
            List<TreeLeaf> leaves = new ArrayList<>();
            List<Object[]> nodes = new ArrayList<>();
            TreeBuilder tree = TreeBuilder.resume(nodes(), size, (level, index, hash) -> {
                if (level >= STORED_LEVEL) {
                    nodes.add(new Object[] {level, index, hash});
                }
            });
            for (TreeLeaf leaf : jdbc.query("SELECT -1, position, event_identifier, aggregate_identifier, leaf_hash "
                                                    + "FROM audit_leaf WHERE position > ? ORDER BY position LIMIT ?",
                                            LEAF,
                                            expected - 1, batch)) {
                if (leaf.position() != expected && leaf.position() > clearedBelow) {
                    if (waitingOn == null) {
                        waitingOn = new Gap(leaf.position(), jdbc.queryForObject(
                                "SELECT pg_current_snapshot()::text", String.class));
                    }
                    break;
                }
                tree.append(leaf.leafHash());
                leaves.add(new TreeLeaf(size + leaves.size(), leaf.position(), leaf.eventId(), leaf.aggregateId(),
                                        leaf.leafHash()));
                expected = leaf.position() + 1;
            }
            jdbc.batchUpdate("INSERT INTO audit_tree_leaf (tree_index, position, event_identifier, "
                                     + "aggregate_identifier, leaf_hash) VALUES (?, ?, ?, ?, ?)",
                             leaves.stream().map(l -> new Object[] {l.treeIndex(), l.position(), l.eventId(),
                                                                    l.aggregateId(), l.leafHash()}).toList());
            jdbc.batchUpdate("INSERT INTO audit_tree_node (level, node_index, hash) VALUES (?, ?, ?)", nodes);
            return leaves.size();
        });
        return appended == null ? 0 : appended;
    }

    /** Whether every transaction running at {@code snapshot} has ended. */
    private boolean ended(String snapshot) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM pg_snapshot_xip(?::pg_snapshot) x "
                        + "WHERE pg_xact_status(x) = 'in progress')", Boolean.class, snapshot));
    }

    long size() {
        Long size = jdbc.queryForObject("SELECT coalesce(max(tree_index) + 1, 0) FROM audit_tree_leaf", Long.class);
        return size == null ? 0 : size;
    }

    /** -1 for an empty tree: Axon Server's first position is 0 (the JDBC store's is 1, and 0 then passes as a gap). */
    private long lastPosition() {
        Long last = jdbc.queryForObject("SELECT coalesce(max(position), -1) FROM audit_tree_leaf", Long.class);
        return last == null ? -1 : last;
    }

    Optional<TreeLeaf> leafAt(long position) {
        return jdbc.query(LEAF_COLUMNS + "WHERE position = ?", LEAF, position).stream().findFirst();
    }

    /** The leaves of one aggregate's events, in position order. */
    List<TreeLeaf> leavesOf(String aggregateId) {
        return jdbc.query(LEAF_COLUMNS + "WHERE aggregate_identifier = ? ORDER BY position", LEAF, aggregateId);
    }

    byte[] root(long size) {
        return MerkleTree.root(nodes(), size);
    }

    List<byte[]> inclusion(long treeIndex, long size) {
        return MerkleTree.inclusion(nodes(), treeIndex, size);
    }

    List<byte[]> consistency(long from, long to) {
        return MerkleTree.consistency(nodes(), from, to);
    }

    /** Subtree hashes from the stored nodes, or hashed from their leaves below {@link #STORED_LEVEL}. */
    Nodes nodes() {
        return (level, index) -> {
            if (level >= STORED_LEVEL) {
                return jdbc.queryForObject("SELECT hash FROM audit_tree_node WHERE level = ? AND node_index = ?",
                                           byte[].class, level, index);
            }
            List<byte[]> hashes = jdbc.queryForList(
                    "SELECT leaf_hash FROM audit_tree_leaf WHERE tree_index >= ? AND tree_index < ? "
                            + "ORDER BY tree_index", byte[].class, index << level, (index + 1) << level);
            if (hashes.size() != 1 << level) {
                throw new IllegalStateException("the tree has no complete subtree " + level + "/" + index);
            }
            while (hashes.size() > 1) {
                List<byte[]> up = new ArrayList<>();
                for (int i = 0; i < hashes.size(); i += 2) {
                    up.add(MerkleHashes.node(hashes.get(i), hashes.get(i + 1)));
                }
                hashes = up;
            }
            return hashes.get(0);
        };
    }
}
