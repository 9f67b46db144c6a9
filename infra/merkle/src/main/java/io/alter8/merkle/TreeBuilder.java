package io.alter8.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree that grows one leaf at a time and knows its root at every size, keeping only the roots of its complete
 * subtrees (one per set bit of the size, the "compact range"): flat memory however many leaves pass. Each subtree
 * it completes is reported, so a store can keep the hashes proofs need.
 */
public final class TreeBuilder {

    /** Told of each complete subtree as it closes: {@code 2^level} leaves starting at leaf {@code index * 2^level}. */
    @FunctionalInterface
    public interface Completed {
        void node(int level, long index, byte[] hash);
    }

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private final Completed completed;
    private long size;

    public TreeBuilder() {
        this((level, index, hash) -> { });
    }

    public TreeBuilder(Completed completed) {
        this.completed = completed;
    }

    /** A tree already {@code size} leaves long, its complete subtrees read from {@code nodes}. */
    public static TreeBuilder resume(Nodes nodes, long size, Completed completed) {
        TreeBuilder tree = new TreeBuilder(completed);
        long start = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                tree.hashes.add(nodes.node(level, start >> level));
                tree.levels.add(level);
                start += 1L << level;
            }
        }
        tree.size = size;
        return tree;
    }

    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        int level = 0;
        long index = size;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            hash = MerkleHashes.node(hashes.remove(hashes.size() - 1), hash);
            levels.remove(levels.size() - 1);
            level++;
            index >>= 1;
            completed.node(level, index, hash);
        }
        hashes.add(hash);
        levels.add(level);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of every leaf appended so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(hashes.get(i), root);
        }
        return root;
    }
}
