package io.alter8.merkle;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RFC 9162 tree, proofs and verifier against the reference vectors of RFC 6962's test data: the eight leaves,
 * the roots of the trees of their first 1 to 8, and the inclusion and consistency proofs, as published by the
 * Certificate Transparency implementations (transparency-dev/merkle, proof/verify_test.go; values only). Then every
 * proof of every small tree is generated and verified, and altered proofs are refused.
 */
class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();
    static final List<byte[]> LEAF_DATA = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                              "606162636465666768696a6b6c6d6e6f");
    static final List<byte[]> ROOTS = hex(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    record Inclusion(long index, long size, List<byte[]> proof) {
    }

    record Consistency(long first, long second, List<byte[]> proof) {
    }

    static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 8, hex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, hex("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, hex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(1, 8, hex("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, hex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, hex("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, hex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                                      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** Complete subtrees computed from the leaves, as a store without cached nodes would. */
    static Nodes nodesOf(List<byte[]> leaves) {
        return new Nodes() {
            @Override
            public byte[] node(int level, long index) {
                return level == 0 ? leaves.get((int) index)
                                  : MerkleHashes.node(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            }
        };
    }

    static List<byte[]> referenceLeaves() {
        return LEAF_DATA.stream().map(MerkleHashes::leaf).toList();
    }

    @Test
    void theEmptyTreeHasTheHashOfNothingAndTheReferenceTreesTheirPublishedRoots() {
        assertThat(HEX.formatHex(MerkleTree.root(nodesOf(List.of()), 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        TreeBuilder grown = new TreeBuilder();
        for (int size = 1; size <= 8; size++) {
            grown.append(referenceLeaves().get(size - 1));
            assertThat(MerkleTree.root(nodesOf(referenceLeaves()), size)).as("size " + size)
                                                                         .isEqualTo(ROOTS.get(size - 1));
            assertThat(grown.root()).as("grown to " + size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void theReferenceInclusionProofsAreGeneratedAndVerified() {
        for (Inclusion v : INCLUSIONS) {
            byte[] leaf = referenceLeaves().get((int) v.index());
            assertThat(MerkleTree.inclusion(nodesOf(referenceLeaves()), v.index(), v.size())).as(v.toString())
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(v.proof());
            MerkleVerifier.verifyInclusion(v.index(), v.size(), leaf, v.proof(), ROOTS.get((int) v.size() - 1));
        }
    }

    @Test
    void theReferenceConsistencyProofsAreGeneratedAndVerified() {
        for (Consistency v : CONSISTENCIES) {
            assertThat(MerkleTree.consistency(nodesOf(referenceLeaves()), v.first(), v.second())).as(v.toString())
                    .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(v.proof());
            MerkleVerifier.verifyConsistency(v.first(), v.second(), ROOTS.get((int) v.first() - 1),
                                             ROOTS.get((int) v.second() - 1), v.proof());
        }
    }

    @Test
    void alteredInclusionProofsAreRefused() {
        for (Inclusion v : INCLUSIONS) {
            byte[] leaf = referenceLeaves().get((int) v.index());
            byte[] root = ROOTS.get((int) v.size() - 1);
            List<Runnable> wrong = new ArrayList<>(List.of(
                    () -> MerkleVerifier.verifyInclusion(v.index() + 1, v.size(), leaf, v.proof(), root),
                    () -> MerkleVerifier.verifyInclusion(v.index() ^ 2, v.size(), leaf, v.proof(), root),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size() * 2, leaf, v.proof(), root),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size() / 2, leaf, v.proof(), root),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size(), MerkleHashes.leaf(new byte[] {9}),
                                                         v.proof(), root),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size(), leaf, v.proof(),
                                                         MerkleHashes.emptyRoot()),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size(), leaf, plus(v.proof(), root), root),
                    () -> MerkleVerifier.verifyInclusion(v.index(), v.size(), leaf, v.proof().subList(
                            0, v.proof().size() - 1), root)));
            eachFlipped(v.proof(), p -> wrong.add(() -> MerkleVerifier.verifyInclusion(v.index(), v.size(), leaf, p,
                                                                                       root)));
            for (Runnable w : wrong) {
                assertThatThrownBy(w::run).as(v.toString()).isInstanceOf(ProofRejected.class);
            }
        }
    }

    @Test
    void alteredConsistencyProofsAreRefused() {
        for (Consistency v : CONSISTENCIES) {
            byte[] first = ROOTS.get((int) v.first() - 1);
            byte[] second = ROOTS.get((int) v.second() - 1);
            List<Runnable> wrong = new ArrayList<>(List.of(
                    () -> MerkleVerifier.verifyConsistency(v.first() + 1, v.second(), first, second, v.proof()),
                    () -> MerkleVerifier.verifyConsistency(v.first() - 1, v.second(), first, second, v.proof()),
                    () -> MerkleVerifier.verifyConsistency(v.first(), v.second() * 2, first, second, v.proof()),
                    () -> MerkleVerifier.verifyConsistency(v.first(), v.second(), second, first, v.proof()),
                    () -> MerkleVerifier.verifyConsistency(v.first(), v.second(), first, second, List.of()),
                    () -> MerkleVerifier.verifyConsistency(v.first(), v.second(), first, second,
                                                           plus(v.proof(), second)),
                    () -> MerkleVerifier.verifyConsistency(v.first(), v.second(), first, second,
                                                           v.proof().subList(0, v.proof().size() - 1))));
            eachFlipped(v.proof(), p -> wrong.add(() -> MerkleVerifier.verifyConsistency(v.first(), v.second(), first,
                                                                                         second, p)));
            for (Runnable w : wrong) {
                assertThatThrownBy(w::run).as(v.toString()).isInstanceOf(ProofRejected.class);
            }
        }
    }

    @Test
    void everyProofOfEverySmallTreeVerifiesAndAGrownTreeAgreesWithTheRecursiveOne() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            leaves.add(MerkleHashes.leaf(("event " + i).getBytes()));
        }
        Nodes nodes = nodesOf(leaves);
        List<String> completed = new ArrayList<>();
        TreeBuilder grown = new TreeBuilder((level, index, hash) -> {
            assertThat(hash).isEqualTo(nodes.node(level, index));
            completed.add(level + "/" + index);
        });
        for (int size = 1; size <= leaves.size(); size++) {
            grown.append(leaves.get(size - 1));
            byte[] root = MerkleTree.root(nodes, size);
            assertThat(grown.root()).isEqualTo(root);
            assertThat(TreeBuilder.resume(nodes, size, (l, i, h) -> { }).root()).isEqualTo(root);
            for (int i = 0; i < size; i++) {
                MerkleVerifier.verifyInclusion(i, size, leaves.get(i), MerkleTree.inclusion(nodes, i, size), root);
            }
            for (int first = 0; first <= size; first++) {
                MerkleVerifier.verifyConsistency(first, size, MerkleTree.root(nodes, first), root,
                                                 MerkleTree.consistency(nodes, first, size));
            }
        }
        // 40 leaves close 20 + 10 + 5 + 2 + 1 subtrees.
        assertThat(completed).hasSize(38).contains("5/0", "3/4", "1/19");
    }

    @Test
    void aCheckpointVerifiesWithItsKeyAndNothingElse() throws Exception {
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        KeyPair platform = ed25519.generateKeyPair();
        KeyPair other = ed25519.generateKeyPair();
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        Checkpoint checkpoint = Checkpoint.sign(8, ROOTS.get(7), at, platform.getPrivate(), platform.getPublic());

        checkpoint.verify(Checkpoint.publicKey(java.util.Base64.getEncoder()
                                                       .encodeToString(platform.getPublic().getEncoded())));
        assertThatThrownBy(() -> checkpoint.verify(other.getPublic())).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> new Checkpoint(7, ROOTS.get(7), at, checkpoint.keyId(), checkpoint.signature())
                .verify(platform.getPublic())).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> new Checkpoint(8, ROOTS.get(6), at, checkpoint.keyId(), checkpoint.signature())
                .verify(platform.getPublic())).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> new Checkpoint(8, ROOTS.get(7), at.plusSeconds(1), checkpoint.keyId(),
                                                checkpoint.signature()).verify(platform.getPublic()))
                .isInstanceOf(ProofRejected.class);
    }

    @Test
    void anEventsLeafChangesWithEveryFieldAndItsPosition() {
        EventLeaf leaf = new EventLeaf();
        byte[] payload = "{\"title\":\"Flat\"}".getBytes();
        byte[] meta = "{\"userId\":\"u\"}".getBytes();
        byte[] base = leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta);
        assertThat(leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta))
                .isEqualTo(base);
        List<byte[]> changed = List.of(
                leaf.hash(8, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta),
                leaf.hash(7, "f", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta),
                leaf.hash(7, "e", "Lease", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta),
                leaf.hash(7, "e", "Property", "q", 0, "2026-12-06T10:00:00Z", "T", "1", payload, meta),
                leaf.hash(7, "e", "Property", "p", 1, "2026-12-06T10:00:00Z", "T", "1", payload, meta),
                leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:01Z", "T", "1", payload, meta),
                leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "U", "1", payload, meta),
                leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", null, payload, meta),
                leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", "{}".getBytes(), meta),
                leaf.hash(7, "e", "Property", "p", 0, "2026-12-06T10:00:00Z", "T", "1", payload, null));
        assertThat(changed).allSatisfy(h -> assertThat(h).isNotEqualTo(base));
    }

    static List<byte[]> hex(String... values) {
        return java.util.Arrays.stream(values).map(HEX::parseHex).toList();
    }

    static List<byte[]> plus(List<byte[]> proof, byte[] extra) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(extra);
        return longer;
    }

    static void eachFlipped(List<byte[]> proof, Consumer<List<byte[]>> each) {
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] element = proof.get(i).clone();
            element[0] ^= 8;
            flipped.set(i, element);
            each.accept(flipped);
        }
    }
}
