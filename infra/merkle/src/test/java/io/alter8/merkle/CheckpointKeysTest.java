package io.alter8.merkle;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A key rotation seen by the offline verifier: the platform signed a checkpoint of a small log with its old key, then
 * one of the grown log with its new key. An auditor given both public keys verifies a proof that spans the rotation;
 * with the new key alone, or with a key the platform never had, the old checkpoint does not verify.
 */
class CheckpointKeysTest {

    static final Base64.Encoder B64 = Base64.getEncoder();
    static final Instant BEFORE = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant AFTER = Instant.parse("2026-12-07T10:00:00Z");

    final KeyPair old = ed25519();
    final KeyPair current = ed25519();
    final List<byte[]> leaves = leaves(7);
    final Checkpoint beforeRotation = sign(3, BEFORE, old);
    final Checkpoint afterRotation = sign(7, AFTER, current);

    @Test
    void aConsistencyProofAcrossARotationVerifiesWithBothKeysAndNamesTheOneMissing() throws IOException {
        String proof = consistency(beforeRotation, afterRotation);

        OfflineVerifier.Report both = verify(proof, CheckpointKeys.of(current.getPublic(), old.getPublic()),
                                             Optional.of(json(beforeRotation)));

        assertThat(both.intact()).as(both.detail()).isTrue();
        assertThat(both.signedBy()).isEqualTo(beforeRotation.keyId() + ", " + afterRotation.keyId());
        OfflineVerifier.Report newKeyOnly = verify(proof, CheckpointKeys.of(current.getPublic()), Optional.empty());
        assertThat(newKeyOnly.intact()).isFalse();
        assertThat(newKeyOnly.detail()).contains("names key " + beforeRotation.keyId(), "not one of the keys",
                                                 afterRotation.keyId());
    }

    @Test
    void anInclusionProofInTheOldCheckpointVerifiesWithTheRetiredKey() throws IOException {
        String proof = inclusion(1, beforeRotation);

        assertThat(verify(proof, CheckpointKeys.of(current.getPublic(), old.getPublic()), Optional.empty())
                           .signedBy()).isEqualTo(beforeRotation.keyId());
        assertThat(verify(proof, CheckpointKeys.of(old.getPublic()), Optional.empty()).intact()).isTrue();
        assertThat(verify(proof, CheckpointKeys.of(current.getPublic()), Optional.empty()).intact()).isFalse();
    }

    @Test
    void aCheckpointSignedByAKeyThePlatformNeverHadFailsEvenWithAValidSignature() throws IOException {
        KeyPair stranger = ed25519();
        Checkpoint forged = sign(7, AFTER, stranger);
        forged.verify(stranger.getPublic());

        OfflineVerifier.Report report = verify(consistency(beforeRotation, forged),
                                               CheckpointKeys.of(current.getPublic(), old.getPublic()),
                                               Optional.empty());

        assertThat(report.intact()).isFalse();
        assertThat(report.detail()).contains(forged.keyId());
        // A forged checkpoint that names a known key id fails on its signature instead.
        Checkpoint borrowedId = new Checkpoint(7, forged.rootHash(), AFTER, afterRotation.keyId(), forged.signature());
        assertThatThrownBy(() -> CheckpointKeys.of(current.getPublic(), old.getPublic()).verify(borrowedId))
                .isInstanceOf(ProofRejected.class).hasMessageContaining("not signed by key " + afterRotation.keyId());
    }

    @Test
    void keysAreReadFromPemBlocksOrBase64ListsAndAnythingElseIsRefused() {
        String pem = pem(old.getPublic()) + "\n" + pem(current.getPublic());
        String list = B64.encodeToString(old.getPublic().getEncoded()) + ", "
                + B64.encodeToString(current.getPublic().getEncoded());

        assertThat(CheckpointKeys.publicKeys(pem)).containsExactly(old.getPublic(), current.getPublic());
        assertThat(CheckpointKeys.publicKeys(list)).containsExactly(old.getPublic(), current.getPublic());
        assertThat(CheckpointKeys.publicKeys("  ")).isEmpty();
        assertThatThrownBy(() -> CheckpointKeys.publicKeys("not-a-key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeys("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CheckpointKeys.of(old.getPublic(), old.getPublic()).all()).hasSize(1);
    }

    Checkpoint sign(long size, Instant at, KeyPair key) {
        return Checkpoint.sign(size, MerkleTree.root(MerkleTreeTest.nodesOf(leaves), size), at, key.getPrivate(),
                               key.getPublic());
    }

    String consistency(Checkpoint from, Checkpoint to) {
        return "{\"kind\": \"consistency\", \"fromSize\": " + from.treeSize() + ", \"toSize\": " + to.treeSize()
                + ", \"proof\": " + hashes(MerkleTree.consistency(MerkleTreeTest.nodesOf(leaves), from.treeSize(),
                                                                  to.treeSize()))
                + ", \"from\": " + json(from) + ", \"to\": " + json(to) + "}";
    }

    /** A proof of leaf {@code index} without the event's bytes: the leaf hash alone leads to the root. */
    String inclusion(long index, Checkpoint in) {
        return "{\"kind\": \"inclusion\", \"treeIndex\": " + index + ", \"treeSize\": " + in.treeSize()
                + ", \"proof\": " + hashes(MerkleTree.inclusion(MerkleTreeTest.nodesOf(leaves), index, in.treeSize()))
                + ", \"event\": {\"leafHash\": \"" + B64.encodeToString(leaves.get((int) index)) + "\"}"
                + ", \"checkpoint\": " + json(in) + "}";
    }

    static String json(Checkpoint c) {
        return "{\"kind\": \"checkpoint\", \"treeSize\": " + c.treeSize() + ", \"rootHash\": \""
                + B64.encodeToString(c.rootHash()) + "\", \"signedAt\": \"" + c.signedAt() + "\", \"keyId\": \""
                + c.keyId() + "\", \"signature\": \"" + B64.encodeToString(c.signature()) + "\"}";
    }

    static String hashes(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + B64.encodeToString(h) + "\"").toList().toString();
    }

    static OfflineVerifier.Report verify(String file, CheckpointKeys keys, Optional<String> kept) throws IOException {
        return OfflineVerifier.verify(new BufferedReader(new StringReader(file)), keys, kept);
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleHashes.leaf(new byte[] {(byte) i}));
        }
        return leaves;
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
