package io.alter8.command.audit;

import io.alter8.merkle.Checkpoint;
import io.alter8.merkle.CheckpointKeys;
import io.alter8.web.ApiException;
import io.alter8.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Signed checkpoints of the Merkle log: published periodically ({@code alter8.audit.checkpoint-interval}) and on
 * demand, one per tree size, kept for good so that an auditor can ask for a consistency proof from any of them.
 */
@Component
class Checkpoints {

    static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(
            rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBytes(5));
    static final String COLUMNS = "SELECT tree_size, root_hash, signed_at, key_id, signature "
            + "FROM audit_checkpoint ";

    private final JdbcTemplate jdbc;
    private final MerkleLog tree;
    private final CheckpointKey key;

    Checkpoints(JdbcTemplate jdbc, MerkleLog tree, CheckpointKey key) {
        this.jdbc = jdbc;
        this.tree = tree;
        this.key = key;
    }

    @Scheduled(fixedDelayString = "${alter8.audit.checkpoint-interval:PT1M}",
               initialDelayString = "${alter8.audit.checkpoint-interval:PT1M}")
    void periodically() {
        if (key.pair().isPresent()) {
            publish();
        }
    }

    /** A checkpoint of the tree as far as it has grown now; the latest one again if the tree has not grown. */
    Checkpoint publish() {
        CheckpointKey.Pair keys = key.pair().orElseThrow(Checkpoints::unsigned);
        tree.growAll();
        long size = tree.size();
        Optional<Checkpoint> latest = latest();
        if (latest.isPresent() && latest.get().treeSize() >= size) {
            return latest.get();
        }
        Checkpoint checkpoint = Checkpoint.sign(size, tree.root(size), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                                                keys.signing(), keys.verifying());
        // Two instances may sign the same size at once: the first stored stands.
        jdbc.update("INSERT INTO audit_checkpoint (tree_size, root_hash, signed_at, key_id, signature) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tree_size) DO NOTHING",
                    size, checkpoint.rootHash(), Timestamp.from(checkpoint.signedAt()), checkpoint.keyId(),
                    checkpoint.signature());
        return ofSize(size).orElseThrow();
    }

    Optional<Checkpoint> latest() {
        return jdbc.query(COLUMNS + "ORDER BY tree_size DESC LIMIT 1", ROW).stream().findFirst();
    }

    Optional<Checkpoint> ofSize(long size) {
        return jdbc.query(COLUMNS + "WHERE tree_size = ?", ROW, size).stream().findFirst();
    }

    /** Checkpoints after tree size {@code afterSize}, oldest first. */
    List<Checkpoint> after(long afterSize, int limit) {
        return jdbc.query(COLUMNS + "WHERE tree_size > ? ORDER BY tree_size LIMIT ?", ROW, afterSize, limit);
    }

    /** The active key, which signs new checkpoints. */
    java.security.PublicKey publicKey() {
        return activeKey().orElseThrow(Checkpoints::unsigned);
    }

    Optional<java.security.PublicKey> activeKey() {
        return key.pair().map(CheckpointKey.Pair::verifying);
    }

    /** The keys that stored checkpoints are checked with, by key id: the active one and the retired ones. */
    CheckpointKeys keys() {
        CheckpointKeys keys = key.keys();
        if (keys.isEmpty()) {
            throw unsigned();
        }
        return keys;
    }

    static ApiException unsigned() {
        return new ApiException(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-checkpoint-key",
                                            "No checkpoint key", "this deployment has no key to sign checkpoints with"));
    }
}
