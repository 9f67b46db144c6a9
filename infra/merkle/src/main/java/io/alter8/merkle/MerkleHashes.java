package io.alter8.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hashes of RFC 9162 section 2.1.1 with SHA-256: a leaf is {@code SHA-256(0x00 || data)}, an inner node
 * {@code SHA-256(0x01 || left || right)}; the prefixes keep a leaf from ever passing for a node. The tree of no
 * leaves has the hash of the empty string.
 */
public final class MerkleHashes {

    public static final int SIZE = 32;
    private static final byte[] EMPTY_ROOT = sha256().digest();

    private MerkleHashes() {
    }

    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x00);
        return digest.digest(data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The largest power of two smaller than {@code n} (n at least 2): where RFC 9162 splits a tree. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
