package io.alter8.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Verification of RFC 9162 proofs as sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency) state it, step by
 * step: what an auditor runs with nothing but a proof and the roots of checkpoints they trust.
 */
public final class MerkleVerifier {

    private MerkleVerifier() {
    }

    /** The root a valid inclusion proof of {@code leafHash} at {@code index} leads to (RFC 9162 2.1.3.2). */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof) {
        if (index < 0 || index >= size) {
            throw new ProofRejected("leaf index " + index + " is not below the tree size " + size);
        }
        requireHash(leafHash, "leaf hash");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            requireHash(p, "proof element");
            if (sn == 0) {
                throw new ProofRejected("the inclusion proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofRejected("the inclusion proof is shorter than the tree is deep");
        }
        return r;
    }

    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (!MessageDigest.isEqual(rootFromInclusion(index, size, leafHash, proof), root)) {
            throw new ProofRejected("leaf " + index + " with this proof does not lead to the root of tree size " + size);
        }
    }

    /** Checks that the tree of {@code second} leaves with root {@code secondRoot} extends the one of {@code first}. */
    public static void verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                         List<byte[]> proof) {
        if (first < 0 || second < first) {
            throw new ProofRejected("a tree of " + second + " cannot extend one of " + first);
        }
        if (first == second || first == 0) {
            if (!proof.isEmpty()) {
                throw new ProofRejected("the consistency proof from " + first + " to " + second + " must be empty");
            }
            if (first == second && !MessageDigest.isEqual(firstRoot, secondRoot)) {
                throw new ProofRejected("two trees of " + first + " leaves have different roots");
            }
            return;
        }
        // 1. An empty proof fails.
        if (proof.isEmpty()) {
            throw new ProofRejected("the consistency proof is empty");
        }
        proof.forEach(p -> requireHash(p, "proof element"));
        // 2. If first is an exact power of 2, its root is the first element.
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        // 3, 4.
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // 5.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6.
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new ProofRejected("the consistency proof is longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        if (sn != 0) {
            throw new ProofRejected("the consistency proof is shorter than the tree is deep");
        }
        if (!MessageDigest.isEqual(fr, firstRoot)) {
            throw new ProofRejected("the proof does not lead to the root of the tree of " + first);
        }
        if (!MessageDigest.isEqual(sr, secondRoot)) {
            throw new ProofRejected("the proof does not lead to the root of the tree of " + second);
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleHashes.SIZE) {
            throw new ProofRejected("a " + what + " is not a SHA-256 hash");
        }
    }
}
