package io.alter8.command.audit;

import io.alter8.merkle.Checkpoint;
import io.alter8.merkle.CheckpointKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's Ed25519 key that signs checkpoints, from {@code alter8.audit.signing-key} (PKCS#8) and
 * {@code alter8.audit.public-key} (X.509), base64 or PEM. {@code ./alter8 run} makes a pair in its data directory on
 * first start; elsewhere it comes from a secret store. Without one the service runs but signs nothing (checkpoint
 * routes answer 503), except under the {@code prod} profile, where it refuses to start. The key is never logged: only
 * its id, a hash of the public key.
 * <p>
 * After a rotation the keys signed with before keep vouching for their checkpoints: their public halves are listed in
 * {@code alter8.audit.retired-public-keys} (their private halves are destroyed), and every checkpoint is checked with
 * the key its id names (docs/audit.md, "Rotating the checkpoint key").
 */
@Component
class CheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

    record Pair(PrivateKey signing, PublicKey verifying) {
    }

    private final Pair pair;
    private final List<PublicKey> retired;

    CheckpointKey(@Value("${alter8.audit.signing-key:}") String signing,
                  @Value("${alter8.audit.public-key:}") String verifying,
                  @Value("${alter8.audit.retired-public-keys:}") String retiredKeys, Environment environment) {
        this.retired = CheckpointKeys.publicKeys(retiredKeys);
        if (!retired.isEmpty()) {
            log.info("Checkpoints signed before a key rotation are checked with retired key(s) {}",
                     new CheckpointKeys(retired));
        }
        if (signing.isBlank() || verifying.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("alter8.audit.signing-key and alter8.audit.public-key must be set "
                                                        + "under the prod profile: checkpoints must be signed");
            }
            log.warn("No checkpoint key (alter8.audit.signing-key, alter8.audit.public-key): the event log's "
                             + "checkpoints are not signed and the checkpoint routes answer 503");
            this.pair = null;
            return;
        }
        Pair keys = new Pair(Checkpoint.privateKey(signing), Checkpoint.publicKey(verifying));
        // A public key that is not the signing key's would make every checkpoint fail its auditors' check.
        Checkpoint.sign(0, new byte[32], Instant.EPOCH, keys.signing(), keys.verifying()).verify(keys.verifying());
        log.info("Checkpoints are signed with key {}", Checkpoint.keyId(keys.verifying()));
        this.pair = keys;
    }

    Optional<Pair> pair() {
        return Optional.ofNullable(pair);
    }

    /** Every key a checkpoint of this log may be signed with: the active one first, then the retired ones. */
    CheckpointKeys keys() {
        List<PublicKey> all = new ArrayList<>();
        pair().ifPresent(keys -> all.add(keys.verifying()));
        all.addAll(retired);
        return new CheckpointKeys(all);
    }
}
