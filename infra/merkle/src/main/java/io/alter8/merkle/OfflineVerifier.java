package io.alter8.merkle;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an auditor runs with nothing but a file from the audit routes and the platform's public keys
 * ({@code ./alter8 audit verify FILE}):
 * <ul>
 *   <li>an export bundle (JSON Lines: a checkpoint, then every event of its tree as stored): each event's leaf is
 *       recomputed from its bytes, the tree is rebuilt, and its root must be the one the checkpoint signed;</li>
 *   <li>an inclusion proof: the event's leaf, recomputed, must lead through the proof to the signed root;</li>
 *   <li>a consistency proof: the later signed tree must extend the earlier one.</li>
 * </ul>
 * A checkpoint the auditor kept from before can be given too: a proof or bundle whose checkpoint of the same size has
 * another root, or that does not extend it, shows that history was rewritten since.
 */
public final class OfflineVerifier {

    /**
     * The outcome: what was checked, and {@code intact} or the first thing that failed; {@code signedBy}, when intact,
     * the ids of the keys whose signatures were checked.
     */
    public record Report(String kind, long eventsChecked, long treeSize, boolean intact, String detail,
                         String signedBy) {

        Report(String kind, long eventsChecked, long treeSize, boolean intact, String detail) {
            this(kind, eventsChecked, treeSize, intact, detail, null);
        }
    }

    private OfflineVerifier() {
    }

    /**
     * Verifies the bundle or proof read from {@code file} with the platform's public {@code keys} (each checkpoint
     * with the one its key id names); {@code kept} is a checkpoint the auditor kept, if any.
     */
    public static Report verify(BufferedReader file, CheckpointKeys keys, Optional<String> kept) throws IOException {
        String first = file.readLine();
        while (first != null && first.isBlank()) {
            first = file.readLine();
        }
        if (first == null) {
            return new Report("empty", 0, 0, false, "the file is empty");
        }
        Optional<Checkpoint> keptCheckpoint = kept.map(k -> checkpoint(Json.object(k)));
        try {
            keptCheckpoint.ifPresent(keys::verify);
        } catch (ProofRejected e) {
            return new Report("checkpoint", 0, 0, false, "your kept checkpoint: " + e.getMessage());
        }
        Map<String, Object> head;
        try {
            head = Json.object(first);
        } catch (IllegalArgumentException notOneLine) {
            StringBuilder whole = new StringBuilder(first);
            for (String line = file.readLine(); line != null; line = file.readLine()) {
                whole.append('\n').append(line);
            }
            return proof(Json.object(whole.toString()), keys, keptCheckpoint);
        }
        if ("checkpoint".equals(head.get("kind"))) {
            return bundle(checkpoint(head), file, keys, keptCheckpoint);
        }
        StringBuilder rest = new StringBuilder();
        for (String line = file.readLine(); line != null; line = file.readLine()) {
            rest.append(line);
        }
        if (!rest.toString().isBlank()) {
            return new Report("unknown", 0, 0, false, "neither a bundle (first line a checkpoint) nor one proof");
        }
        return proof(head, keys, keptCheckpoint);
    }

    private static Report bundle(Checkpoint checkpoint, BufferedReader lines, CheckpointKeys keys,
                                 Optional<Checkpoint> kept) throws IOException {
        String kind = "bundle";
        try {
            keys.verify(checkpoint);
        } catch (ProofRejected e) {
            return new Report(kind, 0, checkpoint.treeSize(), false, e.getMessage());
        }
        EventLeaf leaves = new EventLeaf();
        TreeBuilder tree = new TreeBuilder();
        if (rewrittenBefore(kept, tree)) {
            return new Report(kind, 0, checkpoint.treeSize(), false, REWRITTEN);
        }
        long lastPosition = Long.MIN_VALUE;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> e = Json.object(line);
            long index = number(e, "treeIndex");
            long position = number(e, "position");
            String at = "event " + e.get("eventId") + " at position " + position + " (leaf " + index + ")";
            if (index != tree.size()) {
                return new Report(kind, tree.size(), checkpoint.treeSize(), false,
                                  "leaf " + tree.size() + " is missing: the next line is leaf " + index);
            }
            if (position <= lastPosition) {
                return new Report(kind, tree.size(), checkpoint.treeSize(), false, at + " is out of order");
            }
            if (e.get("payload") == null) {
                return new Report(kind, tree.size(), checkpoint.treeSize(), false, at + " is missing from the log");
            }
            byte[] leaf = leaves.hash(position, (String) e.get("eventId"), (String) e.get("aggregateType"),
                                      (String) e.get("aggregateId"), number(e, "sequence"),
                                      (String) e.get("timestamp"), (String) e.get("payloadType"),
                                      (String) e.get("revision"), bytes(e, "payload"),
                                      e.get("metaData") == null ? null : bytes(e, "metaData"));
            if (!MessageDigest.isEqual(leaf, bytes(e, "leafHash"))) {
                return new Report(kind, tree.size(), checkpoint.treeSize(), false,
                                  at + ": its bytes are not the ones its leaf was made of");
            }
            tree.append(leaf);
            lastPosition = position;
            if (rewrittenBefore(kept, tree)) {
                return new Report(kind, tree.size(), checkpoint.treeSize(), false, REWRITTEN);
            }
        }
        if (tree.size() != checkpoint.treeSize()) {
            return new Report(kind, tree.size(), checkpoint.treeSize(), false, "the bundle holds " + tree.size()
                    + " events, its checkpoint counts " + checkpoint.treeSize());
        }
        if (!MessageDigest.isEqual(tree.root(), checkpoint.rootHash())) {
            return new Report(kind, tree.size(), checkpoint.treeSize(), false,
                              "the events do not hash to the checkpoint's root");
        }
        if (kept.isPresent() && kept.get().treeSize() > tree.size()) {
            return new Report(kind, tree.size(), checkpoint.treeSize(), false, "your kept checkpoint counts "
                    + kept.get().treeSize() + " events, the bundle only " + tree.size() + ": events were removed");
        }
        return new Report(kind, tree.size(), checkpoint.treeSize(), true, "intact", checkpoint.keyId());
    }

    private static Report proof(Map<String, Object> proof, CheckpointKeys keys, Optional<Checkpoint> kept) {
        Object kind = proof.get("kind");
        try {
            if ("inclusion".equals(kind)) {
                Checkpoint checkpoint = checkpoint(object(proof, "checkpoint"));
                keys.verify(checkpoint);
                sameAsKept(checkpoint, kept);
                Map<String, Object> e = object(proof, "event");
                byte[] leaf = bytes(e, "leafHash");
                if (e.get("payload") != null) {
                    byte[] recomputed = new EventLeaf().hash(
                            number(e, "position"), (String) e.get("eventId"), (String) e.get("aggregateType"),
                            (String) e.get("aggregateId"), number(e, "sequence"), (String) e.get("timestamp"),
                            (String) e.get("payloadType"), (String) e.get("revision"), bytes(e, "payload"),
                            e.get("metaData") == null ? null : bytes(e, "metaData"));
                    if (!MessageDigest.isEqual(recomputed, leaf)) {
                        throw new ProofRejected("the event's bytes are not the ones its leaf was made of");
                    }
                }
                MerkleVerifier.verifyInclusion(number(proof, "treeIndex"), checkpoint.treeSize(), leaf,
                                               hashes(proof), checkpoint.rootHash());
                return new Report("inclusion", 1, checkpoint.treeSize(), true, "intact", checkpoint.keyId());
            }
            if ("consistency".equals(kind)) {
                Checkpoint from = checkpoint(object(proof, "from"));
                Checkpoint to = checkpoint(object(proof, "to"));
                keys.verify(from);
                keys.verify(to);
                sameAsKept(from, kept);
                if (kept.isPresent() && kept.get().treeSize() != from.treeSize()) {
                    throw new ProofRejected("the proof starts from tree size " + from.treeSize() + ", your kept "
                            + "checkpoint is of size " + kept.get().treeSize() + ": ask for ?from="
                            + kept.get().treeSize());
                }
                MerkleVerifier.verifyConsistency(from.treeSize(), to.treeSize(), from.rootHash(), to.rootHash(),
                                                 hashes(proof));
                return new Report("consistency", 0, to.treeSize(), true, "intact",
                                  from.keyId().equals(to.keyId()) ? to.keyId() : from.keyId() + ", " + to.keyId());
            }
            return new Report(String.valueOf(kind), 0, 0, false, "not a bundle, inclusion or consistency proof");
        } catch (ProofRejected e) {
            return new Report(String.valueOf(kind), 0, 0, false, e.getMessage());
        }
    }

    private static final String REWRITTEN = "the bundle's first events do not hash to the root of your kept "
            + "checkpoint: history was rewritten since";

    /** Whether the tree, at the size of the auditor's kept checkpoint, has another root. */
    private static boolean rewrittenBefore(Optional<Checkpoint> kept, TreeBuilder tree) {
        return kept.isPresent() && kept.get().treeSize() == tree.size()
                && !MessageDigest.isEqual(kept.get().rootHash(), tree.root());
    }

    private static void sameAsKept(Checkpoint checkpoint, Optional<Checkpoint> kept) {
        if (kept.isPresent() && kept.get().treeSize() == checkpoint.treeSize()
                && !MessageDigest.isEqual(kept.get().rootHash(), checkpoint.rootHash())) {
            throw new ProofRejected("the service's checkpoint of tree size " + checkpoint.treeSize()
                                            + " has another root than yours: history was rewritten");
        }
    }

    static Checkpoint checkpoint(Map<String, Object> c) {
        return new Checkpoint(number(c, "treeSize"), bytes(c, "rootHash"), Instant.parse((String) c.get("signedAt")),
                              (String) c.get("keyId"), bytes(c, "signature"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String name) {
        if (json.get(name) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new ProofRejected("the proof has no " + name);
    }

    private static List<byte[]> hashes(Map<String, Object> proof) {
        if (!(proof.get("proof") instanceof List<?> list)) {
            throw new ProofRejected("the proof has no list of hashes");
        }
        return list.stream().map(h -> Base64.getDecoder().decode(String.valueOf(h))).toList();
    }

    private static long number(Map<String, Object> json, String name) {
        if (json.get(name) instanceof BigDecimal n) {
            return n.longValueExact();
        }
        throw new ProofRejected("the field " + name + " is not a number");
    }

    private static byte[] bytes(Map<String, Object> json, String name) {
        if (json.get(name) instanceof String s) {
            return Base64.getDecoder().decode(s.getBytes(StandardCharsets.US_ASCII));
        }
        throw new ProofRejected("the field " + name + " is missing");
    }
}
