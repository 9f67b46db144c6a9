package io.alter8.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement of the log: its first {@code treeSize} events have root {@code rootHash}, as of
 * {@code signedAt}. The platform signs the text of {@link #signedText()} with Ed25519; anyone with the public key
 * checks it, and an auditor who keeps it can later ask for a consistency proof from it to any newer checkpoint.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant signedAt, String keyId, byte[] signature) {

    public static final String ORIGIN = "alter8 event log";

    /** What is signed: origin, size, root (base64) and time, one a line. */
    public static String signedText(long treeSize, byte[] rootHash, Instant signedAt) {
        return ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + signedAt + "\n";
    }

    public static Checkpoint sign(long treeSize, byte[] rootHash, Instant signedAt, PrivateKey key, PublicKey publicKey) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(signedText(treeSize, rootHash, signedAt).getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(treeSize, rootHash.clone(), signedAt, keyId(publicKey), ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint key cannot sign with Ed25519", e);
        }
    }

    /** Fails unless {@code key} signed exactly this size, root and time. */
    public void verify(PublicKey key) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signedText(treeSize, rootHash, signedAt).getBytes(StandardCharsets.UTF_8));
            if (!ed25519.verify(signature)) {
                throw new ProofRejected("the checkpoint of tree size " + treeSize + " is not signed by key "
                                                + keyId(key));
            }
        } catch (GeneralSecurityException e) {
            throw new ProofRejected("the checkpoint's signature cannot be checked: " + e.getMessage());
        }
    }

    /** A short name of a public key: the first 8 bytes of SHA-256 of its X.509 form, in hex. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(MerkleHashes.sha256().digest(key.getEncoded()), 0, 8);
    }

    /** An Ed25519 public key from its X.509 form, in base64 or PEM. */
    public static PublicKey publicKey(String text) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509, base64 or PEM)");
        }
    }

    /** An Ed25519 private key from its PKCS#8 form, in base64 or PEM. */
    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key (PKCS#8, base64 or PEM)");
        }
    }

    private static byte[] der(String text) {
        return Base64.getDecoder().decode(text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", ""));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && treeSize == c.treeSize && java.util.Arrays.equals(rootHash, c.rootHash)
                && signedAt.equals(c.signedAt) && keyId.equals(c.keyId) && java.util.Arrays.equals(signature, c.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(treeSize) * 31 + java.util.Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + treeSize + ", " + HexFormat.of().formatHex(rootHash) + ", " + signedAt + "]";
    }
}
