package io.alter8.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash and the proofs of RFC 9162 over a log of leaves read through {@link Nodes}: MTH (2.1.1),
 * PATH, the inclusion proof (2.1.3.1), and SUBPROOF, the consistency proof (2.1.4.1). Every range the recursion
 * meets whose size is a power of two starts on a multiple of that size, so it is one stored node; the rest split as
 * the RFC splits them.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** MTH of the first {@code size} leaves. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? MerkleHashes.emptyRoot() : hash(nodes, 0, size);
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusion(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(nodes, index, 0, size, proof);
        return proof;
    }

    /** The consistency proof between the trees of the first {@code first} and {@code second} leaves. */
    public static List<byte[]> consistency(Nodes nodes, long first, long second) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(nodes, first, 0, second, true, proof);
        }
        return proof;
    }

    /** MTH(D[start:end]), end > start. */
    static byte[] hash(Nodes nodes, long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, start >> level);
        }
        long k = MerkleHashes.split(n);
        return MerkleHashes.node(hash(nodes, start, start + k), hash(nodes, start + k, end));
    }

    /** PATH(m, D[start:end]) with m relative to start; the proof is built leaf side first. */
    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = MerkleHashes.split(n);
        if (m < k) {
            path(nodes, m, start, start + k, proof);
            proof.add(hash(nodes, start + k, end));
        } else {
            path(nodes, m - k, start + k, end, proof);
            proof.add(hash(nodes, start, start + k));
        }
    }

    /** SUBPROOF(m, D[start:end], b). */
    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(hash(nodes, start, end));
            }
            return;
        }
        long k = MerkleHashes.split(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(hash(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(hash(nodes, start, start + k));
        }
    }
}
