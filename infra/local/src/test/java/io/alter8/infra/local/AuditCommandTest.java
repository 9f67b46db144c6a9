package io.alter8.infra.local;

import io.alter8.infra.stack.DevKeys;
import io.alter8.merkle.Checkpoint;
import io.alter8.merkle.EventLeaf;
import io.alter8.merkle.TreeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code alter8 audit verify FILE} on bundles written as the export writes them: 0 for an intact one, 1 for one
 * with a changed byte, a missing line or another key's signature, 2 for a file or key it cannot read. The service's
 * own bundles and proofs are checked by the same verifier in the command side's TamperEvidenceApiTest.
 */
class AuditCommandTest {

    static final Base64.Encoder B64 = Base64.getEncoder();

    @TempDir
    Path dir;

    KeyPair platform = DevKeys.checkpointKeys();

    /** A bundle of {@code count} events, one JSON line each after the signed checkpoint. */
    List<String> bundle(int count) {
        EventLeaf leaves = new EventLeaf();
        TreeBuilder tree = new TreeBuilder();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long position = i + 1;
            byte[] payload = ("{\"title\": \"Flat " + i + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] meta = "{\"userId\": \"u\"}".getBytes(StandardCharsets.UTF_8);
            byte[] leaf = leaves.hash(position, "event-" + i, "Property", "p", i, "2026-12-06T10:00:00Z",
                                      "io.alter8.api.property.PropertyRegistered", "2", payload, meta);
            tree.append(leaf);
            events.add("""
                    {"kind":"event","treeIndex":%d,"leafHash":"%s","position":%d,"eventId":"event-%d",\
                    "aggregateType":"Property","aggregateId":"p","sequence":%d,"timestamp":"2026-12-06T10:00:00Z",\
                    "payloadType":"io.alter8.api.property.PropertyRegistered","revision":"2","payload":"%s",\
                    "metaData":"%s"}""".formatted(i, B64.encodeToString(leaf), position, i, i,
                                                  B64.encodeToString(payload), B64.encodeToString(meta)));
        }
        Checkpoint c = Checkpoint.sign(count, tree.root(), Instant.parse("2026-12-06T10:00:01Z"),
                                       platform.getPrivate(), platform.getPublic());
        List<String> lines = new ArrayList<>();
        lines.add("""
                {"kind":"checkpoint","treeSize":%d,"rootHash":"%s","signedAt":"%s","keyId":"%s","signature":"%s"}"""
                          .formatted(c.treeSize(), B64.encodeToString(c.rootHash()), c.signedAt(), c.keyId(),
                                     B64.encodeToString(c.signature())));
        lines.addAll(events);
        return lines;
    }

    int verify(List<String> lines, KeyPair key) throws IOException {
        Path file = dir.resolve("bundle.ndjson");
        Files.write(file, lines);
        Path keyFile = dir.resolve("audit-public.pem");
        Files.writeString(keyFile, DevKeys.pem("PUBLIC KEY", key.getPublic().getEncoded()));
        return AuditCommand.run(List.of("verify", file.toString(), "--public-key", keyFile.toString()));
    }

    @Test
    void anIntactBundleVerifies() throws IOException {
        assertThat(verify(bundle(37), platform)).isZero();
    }

    @Test
    void aChangedByteAMissingEventOrAnotherKeyIsABreak() throws IOException {
        List<String> lines = bundle(37);
        List<String> changed = new ArrayList<>(lines);
        changed.set(5, lines.get(5).replace(B64.encodeToString("{\"title\": \"Flat 4\"}".getBytes()),
                                            B64.encodeToString("{\"title\": \"Flat 5\"}".getBytes())));
        List<String> missing = new ArrayList<>(lines);
        missing.remove(20);
        List<String> cut = lines.subList(0, 30);

        assertThat(verify(changed, platform)).isEqualTo(1);
        assertThat(verify(missing, platform)).isEqualTo(1);
        assertThat(verify(cut, platform)).isEqualTo(1);
        assertThat(verify(lines, DevKeys.checkpointKeys())).isEqualTo(1);
    }

    /**
     * After a rotation the bundle's checkpoint was signed with the retired key: the verifier picks it by key id from
     * the keys given, as several files or as one file of PEM blocks, and refuses it without the retired key.
     */
    @Test
    void aCheckpointOfARetiredKeyVerifiesWhenThatKeyIsGivenAmongOthers() throws IOException {
        KeyPair current = DevKeys.checkpointKeys();
        Path file = dir.resolve("bundle.ndjson");
        Files.write(file, bundle(5));
        Path currentFile = dir.resolve("audit-public.pem");
        Files.writeString(currentFile, DevKeys.pem("PUBLIC KEY", current.getPublic().getEncoded()));
        Path retiredFile = dir.resolve("audit-retired-public.pem");
        Files.writeString(retiredFile, DevKeys.pem("PUBLIC KEY", DevKeys.checkpointKeys().getPublic().getEncoded())
                + DevKeys.pem("PUBLIC KEY", platform.getPublic().getEncoded()));

        assertThat(AuditCommand.run(List.of("verify", file.toString(), "--public-key",
                                            currentFile + "," + retiredFile))).isZero();
        assertThat(AuditCommand.run(List.of("verify", file.toString(), "--public-key", retiredFile.toString())))
                .isZero();
        assertThat(AuditCommand.run(List.of("verify", file.toString(), "--public-key", currentFile.toString())))
                .isEqualTo(1);
    }

    @Test
    void anUnreadableFileOrKeyIsAnErrorAndAMissingFileAUsageError() throws IOException {
        assertThat(AuditCommand.run(List.of("verify", dir.resolve("nothing.ndjson").toString(), "--public-key",
                                            dir.resolve("none.pem").toString()))).isEqualTo(2);
        Path bad = dir.resolve("bad.pem");
        Files.writeString(bad, "not a key");
        Files.write(dir.resolve("b.ndjson"), bundle(3));
        assertThat(AuditCommand.run(List.of("verify", dir.resolve("b.ndjson").toString(), "--public-key",
                                            bad.toString()))).isEqualTo(2);
        assertThatThrownBy(() -> AuditCommand.run(List.of("verify"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> AuditCommand.run(List.of("inspect"))).isInstanceOf(UsageException.class);
    }
}
