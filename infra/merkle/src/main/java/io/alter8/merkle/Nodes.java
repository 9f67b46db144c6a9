package io.alter8.merkle;

/**
 * Where proofs get their hashes: the hash of the complete subtree of {@code 2^level} leaves that starts at leaf
 * {@code index * 2^level} (level 0 is a leaf hash). A store answers from the leaves and the subtree hashes it keeps.
 */
@FunctionalInterface
public interface Nodes {

    byte[] node(int level, long index);
}
