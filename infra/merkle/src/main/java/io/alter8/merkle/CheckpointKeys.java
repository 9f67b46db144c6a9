package io.alter8.merkle;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys checkpoints may carry signatures of, by key id: the platform's active key and the ones a rotation
 * retired, which still vouch for the checkpoints signed before it. A checkpoint is checked with the key its key id
 * names and no other, so a checkpoint of an unknown key fails whatever its signature.
 */
public final class CheckpointKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----",
                                                       Pattern.DOTALL);

    private final Map<String, PublicKey> byId = new LinkedHashMap<>();

    public CheckpointKeys(Collection<PublicKey> keys) {
        for (PublicKey key : keys) {
            byId.putIfAbsent(Checkpoint.keyId(key), key);
        }
    }

    public static CheckpointKeys of(PublicKey... keys) {
        return new CheckpointKeys(List.of(keys));
    }

    /**
     * Every Ed25519 public key in {@code text}: PEM blocks (a file may hold several), or X.509 in base64 separated by
     * commas or white space. Blank text holds none; anything else that is not a key is refused.
     */
    public static List<PublicKey> publicKeys(String text) {
        List<PublicKey> keys = new ArrayList<>();
        if (text.contains("-----BEGIN")) {
            Matcher block = PEM.matcher(text);
            while (block.find()) {
                keys.add(Checkpoint.publicKey(block.group(1)));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no PEM block of a public key (BEGIN PUBLIC KEY)");
            }
            return keys;
        }
        for (String key : text.strip().split("[,\\s]+")) {
            if (!key.isEmpty()) {
                keys.add(Checkpoint.publicKey(key));
            }
        }
        return keys;
    }

    /** Fails unless the key that {@code checkpoint} names is one of these and signed exactly it. */
    public void verify(Checkpoint checkpoint) {
        PublicKey key = byId.get(checkpoint.keyId());
        if (key == null) {
            throw new ProofRejected("the checkpoint of tree size " + checkpoint.treeSize() + " names key "
                                            + checkpoint.keyId() + ", which is not one of the keys given ("
                                            + String.join(", ", byId.keySet()) + ")");
        }
        checkpoint.verify(key);
    }

    public Optional<PublicKey> byId(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** The keys in the order given, each once. */
    public Collection<PublicKey> all() {
        return List.copyOf(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", byId.keySet());
    }
}
