package io.alter8.command.audit;

import io.alter8.command.audit.MerkleLog.TreeLeaf;
import io.alter8.merkle.Checkpoint;
import io.alter8.merkle.CheckpointKeys;
import io.alter8.merkle.EventLeaf;
import io.alter8.merkle.MerkleVerifier;
import io.alter8.merkle.ProofRejected;
import io.alter8.merkle.TreeBuilder;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the tamper evidence from the stored events: every event's leaf against the leaf stored when it was
 * written, the tree's leaves in order without holes, and the tree's root at each signed checkpoint. It answers the
 * first break it meets:
 * <ul>
 *   <li>{@code changed}: an event's bytes are not the ones stored (its leaf differs);</li>
 *   <li>{@code removed}: the tree has a leaf whose event is gone, or one entity's sequence has a hole;</li>
 *   <li>{@code reordered}: the event the tree recorded at a position stands at another one;</li>
 *   <li>{@code replaced}: another event, unknown to the tree, stands where the tree recorded one;</li>
 *   <li>{@code inserted}: an event at a position the tree passed over (added afterwards, or around the trigger);</li>
 *   <li>{@code rewritten}: the tree's root is not the one a checkpoint signed, though every event matches its stored
 *       leaf: events and leaves were rewritten together, or the log was cut short.</li>
 * </ul>
 * The whole log streams through two cursors (events and leaves, both in position order) and one SHA-256 pass, so
 * memory stays flat and a million events take seconds. The events come from the {@link EventHistory} the routes read,
 * so under Axon Server they are re-read through Axon's {@code EventStore} and held to the leaves its recorder wrote
 * ({@link AuditLeafRecorder}).
 */
@Component
class LogVerifier {

    record Break(String kind, Long position, Long treeIndex, String eventId, String aggregateType, String aggregateId,
                 Long sequence, String detail) {
    }

    record Verification(String scope, long eventsChecked, long treeSize, long notYetInTree, Long checkpointSize,
                        String result, Break firstBreak) {
    }

    private final DataSource dataSource;
    private final EventHistory history;
    private final MerkleLog tree;
    private final Checkpoints checkpoints;

    LogVerifier(DataSource dataSource, EventHistory history, MerkleLog tree, Checkpoints checkpoints) {
        this.dataSource = dataSource;
        this.history = history;
        this.tree = tree;
        this.checkpoints = checkpoints;
    }

    /** The whole log, against every checkpoint. */
    Verification whole() {
        long treeSize = tree.size();
        try (EventHistory.EventCursor events = history.everything();
             RowCursor<TreeLeaf> leaves = RowCursor.open(dataSource, MerkleLog.LEAF_COLUMNS + "WHERE tree_index < "
                     + treeSize + " ORDER BY position", MerkleLog.LEAF);
             RowCursor<Checkpoint> signed = RowCursor.open(dataSource, Checkpoints.COLUMNS + "ORDER BY tree_size",
                                                           Checkpoints.ROW)) {
            return new Walk("log", treeSize, true, events.digests()).run(events, leaves, signed);
        }
    }

    /** One entity's events, each proven included in the latest checkpoint. */
    Verification entity(String scope, List<StoredEvent> events) {
        long treeSize = tree.size();
        String aggregateId = events.isEmpty() ? null : events.get(0).aggregateId();
        List<TreeLeaf> leaves = aggregateId == null ? List.of()
                : tree.leavesOf(aggregateId).stream().filter(l -> l.treeIndex() < treeSize).toList();
        Walk walk = new Walk(scope, treeSize, false, false);
        Verification result = walk.run(events.iterator(), leaves.iterator(), java.util.Collections.emptyIterator());
        if (result.firstBreak() != null) {
            return result;
        }
        Optional<Checkpoint> latest = checkpoints.latest();
        if (latest.isEmpty()) {
            return result;
        }
        Checkpoint checkpoint = latest.get();
        try {
            checkpoints.keys().verify(checkpoint);
        } catch (ProofRejected e) {
            return walk.broken(unsigned(checkpoint, e));
        }
        for (TreeLeaf leaf : walk.recomputed) {
            if (leaf.treeIndex() >= checkpoint.treeSize()) {
                continue;
            }
            try {
                MerkleVerifier.verifyInclusion(leaf.treeIndex(), checkpoint.treeSize(), leaf.leafHash(),
                                               tree.inclusion(leaf.treeIndex(), checkpoint.treeSize()),
                                               checkpoint.rootHash());
            } catch (ProofRejected | org.springframework.dao.DataAccessException e) {
                return walk.broken(new Break("rewritten", leaf.position(), leaf.treeIndex(), leaf.eventId(), null,
                                             leaf.aggregateId(), null,
                                             "the event is not in the tree the checkpoint of size "
                                                     + checkpoint.treeSize() + " signed"));
            }
        }
        return new Verification(result.scope(), result.eventsChecked(), result.treeSize(), result.notYetInTree(),
                                checkpoint.treeSize(), "intact", null);
    }

    /** One pass over events and tree leaves in position order. */
    private final class Walk {

        private final String scope;
        private final long treeSize;
        private final boolean wholeLog;
        private final boolean digests;
        private final EventLeaf leafHash = new EventLeaf();
        private final TreeBuilder rebuilt = new TreeBuilder();
        private final Deque<TreeLeaf> recomputed = new ArrayDeque<>();
        private CheckpointKeys keys;
        private long checked;
        private long pending;
        private Long lastCheckpoint;
        private long nextSequence;

        /** {@code digests}: the events carry SHA-256 of their payload and metadata instead of the bytes. */
        Walk(String scope, long treeSize, boolean wholeLog, boolean digests) {
            this.scope = scope;
            this.treeSize = treeSize;
            this.wholeLog = wholeLog;
            this.digests = digests;
        }

        Verification run(Iterator<StoredEvent> events, Iterator<TreeLeaf> leaves, Iterator<Checkpoint> signed) {
            Checkpoint next = signed.hasNext() ? signed.next() : null;
            Break mismatch;
            while ((mismatch = rootAt(next)) == null && next != null && next.treeSize() == rebuilt.size()) {
                next = signed.hasNext() ? signed.next() : null;
            }
            if (mismatch != null) {
                return broken(mismatch);
            }
            StoredEvent event = events.hasNext() ? events.next() : null;
            TreeLeaf leaf = leaves.hasNext() ? leaves.next() : null;
            while (event != null || leaf != null) {
                Break found;
                if (event == null || leaf != null && leaf.position() < event.position()) {
                    found = removedOrMoved(leaf);
                } else if (leaf == null) {
                    // Past the tree's last leaf: stored, not yet in the tree.
                    pending++;
                    event = events.hasNext() ? events.next() : null;
                    continue;
                } else if (event.position() < leaf.position()) {
                    found = new Break("inserted", event.position(), null, event.eventId(), event.aggregateType(),
                                      event.aggregateId(), event.sequence(), "the event stands at a position the "
                                      + "log's tree passed over: it was added after its neighbours, or around the "
                                      + "trigger that records every event");
                } else {
                    found = compare(event, leaf);
                    event = events.hasNext() ? events.next() : null;
                    leaf = leaves.hasNext() ? leaves.next() : null;
                }
                if (found != null) {
                    return broken(found);
                }
                while (next != null && next.treeSize() == rebuilt.size()) {
                    if ((mismatch = rootAt(next)) != null) {
                        return broken(mismatch);
                    }
                    next = signed.hasNext() ? signed.next() : null;
                }
            }
            if (next != null) {
                return broken(new Break("rewritten", null, rebuilt.size(), null, null, null, null,
                                        "the log's tree has " + rebuilt.size() + " leaves, but a checkpoint signed "
                                                + "at " + next.signedAt() + " counted " + next.treeSize()
                                                + ": events at the end were removed"));
            }
            return new Verification(scope, checked, treeSize, pending, lastCheckpoint, "intact", null);
        }

        Verification broken(Break first) {
            return new Verification(scope, checked, treeSize, pending, lastCheckpoint, "broken", first);
        }

        private Break compare(StoredEvent event, TreeLeaf leaf) {
            if (wholeLog && leaf.treeIndex() != rebuilt.size()) {
                return new Break("removed", leaf.position(), rebuilt.size(), null, null, null, null,
                                 "the log's tree has no leaf " + rebuilt.size() + ": a leaf and its event were "
                                         + "removed before position " + leaf.position());
            }
            if (!leaf.eventId().equals(event.eventId())) {
                Optional<Long> moved = history.positionOf(leaf.eventId());
                return moved.map(p -> new Break("reordered", event.position(), leaf.treeIndex(), leaf.eventId(),
                                                null, leaf.aggregateId(), null, "the event the log recorded at "
                                                + "position " + event.position() + " now stands at position " + p
                                                + ", and event " + event.eventId() + " stands in its place"))
                            .orElseGet(() -> new Break("replaced", event.position(), leaf.treeIndex(),
                                                       leaf.eventId(), null, leaf.aggregateId(), null,
                                                       "event " + event.eventId() + " stands where the log "
                                                               + "recorded another one, which is gone"));
            }
            if (!wholeLog && event.sequence() != nextSequence) {
                return new Break("removed", event.position(), leaf.treeIndex(), event.eventId(),
                                 event.aggregateType(), event.aggregateId(), nextSequence,
                                 "the entity's event " + nextSequence + " is missing");
            }
            nextSequence = event.sequence() + 1;
            byte[] recomputedHash = digests
                    ? leafHash.fromDigests(event.position(), event.eventId(), event.aggregateType(),
                                           event.aggregateId(), event.sequence(), event.timestamp(),
                                           event.payloadType(), event.revision(), event.payload(), event.metaData())
                    : leafOf(leafHash, event);
            if (!MessageDigest.isEqual(recomputedHash, leaf.leafHash())) {
                return new Break("changed", event.position(), leaf.treeIndex(), event.eventId(),
                                 event.aggregateType(), event.aggregateId(), event.sequence(),
                                 "the event's bytes are not the ones stored at position " + event.position());
            }
            if (wholeLog) {
                rebuilt.append(recomputedHash);
            } else {
                recomputed.add(leaf);
            }
            checked++;
            return null;
        }

        private Break removedOrMoved(TreeLeaf leaf) {
            Optional<Long> moved = history.positionOf(leaf.eventId());
            return new Break(moved.isPresent() ? "reordered" : "removed", leaf.position(), leaf.treeIndex(),
                             leaf.eventId(), null, leaf.aggregateId(), null,
                             moved.map(p -> "the event the log recorded at position " + leaf.position()
                                     + " now stands at position " + p)
                                  .orElse("the event the log recorded at position " + leaf.position()
                                                  + " is gone"));
        }

        private Break rootAt(Checkpoint checkpoint) {
            if (checkpoint == null || checkpoint.treeSize() != rebuilt.size()) {
                return null;
            }
            if (keys == null) {
                keys = checkpoints.keys();
            }
            try {
                keys.verify(checkpoint);
            } catch (ProofRejected e) {
                return unsigned(checkpoint, e);
            }
            if (!MessageDigest.isEqual(rebuilt.root(), checkpoint.rootHash())) {
                return new Break("rewritten", null, checkpoint.treeSize(), null, null, null, null,
                                 "the first " + checkpoint.treeSize() + " events do not hash to the root signed at "
                                         + checkpoint.signedAt() + ": history before it was rewritten");
            }
            lastCheckpoint = checkpoint.treeSize();
            return null;
        }
    }

    /** A stored checkpoint that none of the platform's keys signed: forged, or signed by a key no longer listed. */
    private static Break unsigned(Checkpoint checkpoint, ProofRejected why) {
        return new Break("rewritten", null, checkpoint.treeSize(), null, null, null, null,
                         "the checkpoint of tree size " + checkpoint.treeSize() + " does not carry the platform's "
                                 + "signature: " + why.getMessage());
    }

    /** A stored event's leaf: the one definition the database's trigger and {@link AuditLeafRecorder} both keep. */
    static byte[] leafOf(EventLeaf leaf, StoredEvent e) {
        return leaf.hash(e.position(), e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(), e.timestamp(),
                         e.payloadType(), e.revision(), e.payload(), e.metaData());
    }
}
