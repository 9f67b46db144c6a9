package io.alter8.command.audit;

import io.alter8.command.CommandSideTest;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.infra.stack.DevKeys;
import io.alter8.infra.stack.EmbeddedStackInitializer;
import io.alter8.merkle.Checkpoint;
import io.alter8.merkle.CheckpointKeys;
import io.alter8.merkle.EventLeaf;
import io.alter8.merkle.OfflineVerifier;
import io.alter8.merkle.OfflineVerifier.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tamper evidence through HTTP: checkpoints, proofs and the export bundle checked by the offline verifier with
 * only the platform's public key, and verify naming what was done to the stored events. Tampering goes straight to
 * the database, as an attacker with its credentials would; each test puts the store back as it found it.
 */
@CommandSideTest
class TamperEvidenceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MerkleLog tree;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Environment environment;

    ApiClient anonymous;
    ApiClient auditor;
    ApiClient owner;

    @BeforeEach
    void clients() {
        anonymous = new ApiClient("http://localhost:" + port);
        auditor = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "auditor"));
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
    }

    /** A property with two events (registration, rent change); answers them as the history shows them. */
    List<JsonNode> propertyEvents() {
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(owner.put("/api/properties/" + id + "/monthly-rent", "{\"amount\": \"26000\", \"currency\": \"INR\"}")
                        .status()).isEqualTo(200);
        return auditor.get("/api/audit/property/" + id + "/events").json().path("events").valueStream().toList();
    }

    /** The inclusion proof of the event at {@code position}, once the event is in a checkpoint's tree. */
    Response inclusionOf(long position) {
        Response[] proof = new Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            proof[0] = auditor.get("/api/audit/proofs/inclusion?position=" + position);
            assertThat(proof[0].status()).as(proof[0].body()).isEqualTo(200);
        });
        return proof[0];
    }

    /** A checkpoint whose tree holds the event at {@code position}. */
    JsonNode checkpointWith(long position) {
        long index = inclusionOf(position).json().path("treeIndex").asLong();
        JsonNode[] checkpoint = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response r = auditor.post("/api/audit/checkpoints", "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("treeSize").asLong()).isGreaterThan(index);
            checkpoint[0] = r.json();
        });
        return checkpoint[0];
    }

    /** The platform's keys, the active one and the one its rotation retired, as published. */
    CheckpointKeys platformKeys() {
        Response keys = auditor.get("/api/audit/keys");
        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        assertThat(keys.json().path("items").valueStream().map(k -> k.path("algorithm").asString()))
                .containsOnly("Ed25519");
        return new CheckpointKeys(keys.json().path("items").valueStream()
                                      .map(k -> Checkpoint.publicKey(k.path("publicKey").asString())).toList());
    }

    Report offline(String file, Optional<String> kept) throws IOException {
        return offline(file, kept, platformKeys());
    }

    static Report offline(String file, Optional<String> kept, CheckpointKeys keys) throws IOException {
        return OfflineVerifier.verify(new BufferedReader(new StringReader(file)), keys, kept);
    }

    /** The platform's checkpoints, as it would sign them with {@code keys} as its active pair. */
    Checkpoints signingWith(KeyPair keys) {
        return new Checkpoints(jdbc, tree, new CheckpointKey(DevKeys.oneLine(keys.getPrivate().getEncoded()),
                                                             DevKeys.oneLine(keys.getPublic().getEncoded()), "",
                                                             environment));
    }

    /**
     * Events stored and in the tree beyond the latest checkpoint, so that the next one signs a larger tree; answers
     * the position of one of them.
     */
    long logGrownPastLatestCheckpoint() {
        long position = propertyEvents().get(1).path("position").asLong();
        long signed = auditor.get("/api/audit/checkpoints/latest").json().path("treeSize").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            tree.growAll();
            assertThat(tree.leafAt(position)).isPresent();
            assertThat(tree.size()).isGreaterThan(signed);
        });
        return position;
    }

    JsonNode verify(String query) {
        Response r = auditor.get("/api/audit/verify" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String entity(JsonNode event) {
        return "?aggregateType=property&id=" + event.path("aggregateId").asString();
    }

    @Test
    void anEventsInclusionInASignedCheckpointVerifiesOfflineAndAnAlteredProofDoesNot() throws IOException {
        JsonNode event = propertyEvents().get(1);

        Response proof = inclusionOf(event.path("position").asLong());

        assertThat(proof.json().path("kind").asString()).isEqualTo("inclusion");
        assertThat(proof.json().path("event").path("eventId").asString()).isEqualTo(event.path("eventId").asString());
        assertThat(offline(proof.body(), Optional.empty()).intact()).isTrue();
        String otherPayload = proof.body().replace(proof.json().path("event").path("payload").asString(),
                                                   java.util.Base64.getEncoder().encodeToString("{}".getBytes()));
        Report altered = offline(otherPayload, Optional.empty());
        assertThat(altered.intact()).isFalse();
        assertThat(altered.detail()).contains("bytes");

        Response latest = auditor.get("/api/audit/checkpoints/latest");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("treeSize").asLong()).isGreaterThanOrEqualTo(
                proof.json().path("treeSize").asLong());
        Response list = auditor.get("/api/audit/checkpoints?size=100");
        assertThat(list.json().path("items").valueStream().map(c -> c.path("treeSize").asLong()))
                .contains(proof.json().path("checkpoint").path("treeSize").asLong());
    }

    @Test
    void aLaterCheckpointProvablyExtendsAnEarlierOne() throws IOException {
        JsonNode earlier = checkpointWith(propertyEvents().get(1).path("position").asLong());
        JsonNode later = checkpointWith(propertyEvents().get(1).path("position").asLong());

        Response proof = auditor.get("/api/audit/proofs/consistency?from=" + earlier.path("treeSize").asLong()
                                             + "&to=" + later.path("treeSize").asLong());

        assertThat(proof.status()).as(proof.body()).isEqualTo(200);
        assertThat(offline(proof.body(), Optional.of(earlier.toString())).intact()).isTrue();
        Response latestByDefault = auditor.get("/api/audit/proofs/consistency?from=" + earlier.path("treeSize"));
        assertThat(offline(latestByDefault.body(), Optional.empty()).intact()).isTrue();
    }

    @Test
    void theExportBundleVerifiesOfflineAndAChangedByteInItIsNamed() throws IOException {
        JsonNode event = propertyEvents().get(0);
        checkpointWith(event.path("position").asLong());

        Response bundle = auditor.get("/api/audit/export", "Accept", "application/x-ndjson");

        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        Report report = offline(bundle.body(), Optional.empty());
        assertThat(report.intact()).as(report.detail()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(report.treeSize()).isEqualTo(
                bundle.body().lines().count() - 1);
        String line = bundle.body().lines().filter(l -> l.contains(event.path("eventId").asString())).findFirst()
                            .orElseThrow();
        String payload = ApiClient.json().readTree(line).path("payload").asString();
        byte[] bytes = java.util.Base64.getDecoder().decode(payload);
        bytes[3] ^= 1;
        String tampered = bundle.body().replace(payload, java.util.Base64.getEncoder().encodeToString(bytes));
        Report broken = offline(tampered, Optional.empty());
        assertThat(broken.intact()).isFalse();
        assertThat(broken.detail()).contains(event.path("eventId").asString());
    }

    @Test
    void anUntouchedLogAndEntityVerifyIntact() {
        List<JsonNode> events = propertyEvents();
        JsonNode event = events.get(events.size() - 1);
        checkpointWith(event.path("position").asLong());

        JsonNode log = verify("");
        JsonNode one = verify(entity(event));

        assertThat(log.path("result").asString()).as(log.toString()).isEqualTo("intact");
        assertThat(log.path("eventsChecked").asLong()).isGreaterThan(event.path("position").asLong() / 2);
        assertThat(log.path("checkpointSize").asLong()).isPositive();
        assertThat(one.path("result").asString()).as(one.toString()).isEqualTo("intact");
        assertThat(one.path("eventsChecked").asLong()).isEqualTo(events.size());
    }

    @Test
    void oneChangedPayloadByteIsNamed() {
        JsonNode event = propertyEvents().get(1);
        long position = event.path("position").asLong();
        checkpointWith(position);
        flipByte(position);
        try {
            for (JsonNode answer : List.of(verify(entity(event)), verify(""))) {
                StoreTampering.assertFirstBreak(answer, "changed", position, event.path("eventId").asString());
            }
        } finally {
            flipByte(position);
        }
        assertThat(verify(entity(event)).path("result").asString()).isEqualTo("intact");
    }

    @Test
    void aRemovedEventIsNamed() {
        JsonNode event = propertyEvents().get(0);
        long position = event.path("position").asLong();
        checkpointWith(position);
        Map<String, Object> row = StoreTampering.row(jdbc, position);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", position);
        try {
            for (JsonNode answer : List.of(verify(entity(event)), verify(""))) {
                StoreTampering.assertFirstBreak(answer, "removed", position, event.path("eventId").asString());
            }
        } finally {
            // Put back as it was: the trigger would record a second leaf, so it is off for this one row.
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_audit_leaf");
                StoreTampering.putBack(jdbc, row);
                jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_audit_leaf");
            });
        }
        assertThat(verify(entity(event)).path("result").asString()).isEqualTo("intact");
    }

    @Test
    void twoSwappedEventsAreNamedAsReordered() {
        List<JsonNode> events = propertyEvents();
        long first = events.get(0).path("position").asLong();
        long second = events.get(events.size() - 1).path("position").asLong();
        checkpointWith(second);
        swap(first, second);
        try {
            for (JsonNode answer : List.of(verify(entity(events.get(0))), verify(""))) {
                JsonNode found = StoreTampering.assertFirstBreak(answer, "reordered", first,
                                                                 events.get(0).path("eventId").asString());
                assertThat(found.path("detail").asString()).contains("position " + second);
            }
        } finally {
            swap(first, second);
        }
        assertThat(verify(entity(events.get(0))).path("result").asString()).isEqualTo("intact");
    }

    /**
     * An attacker with the database rewrites an event and rebuilds every leaf and the tree to match, then lets the
     * platform sign the result. An auditor who kept a checkpoint from before asks for a consistency proof from it:
     * the proof cannot be verified, and verify names the rewrite too.
     */
    @Test
    void aRewrittenHistoryIsCaughtByAConsistencyProofFromACheckpointTakenBefore() throws IOException {
        JsonNode event = propertyEvents().get(0);
        long position = event.path("position").asLong();
        JsonNode kept = checkpointWith(position);
        long keptSize = kept.path("treeSize").asLong();
        rewrite(position);
        try {
            JsonNode later = checkpointWith(propertyEvents().get(1).path("position").asLong());
            assertThat(later.path("treeSize").asLong()).isGreaterThan(keptSize);

            Response proof = auditor.get("/api/audit/proofs/consistency?from=" + keptSize + "&to="
                                                 + later.path("treeSize").asLong());

            assertThat(proof.status()).as(proof.body()).isEqualTo(200);
            Report report = offline(proof.body(), Optional.of(kept.toString()));
            assertThat(report.intact()).isFalse();
            assertThat(report.detail()).contains("root");
            JsonNode log = verify("");
            assertThat(log.path("firstBreak").path("kind").asString()).as(log.toString()).isEqualTo("rewritten");
        } finally {
            rewrite(position);
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, MerkleLog.GROWER_LOCK);
                jdbc.update("DELETE FROM audit_checkpoint WHERE tree_size > ?", keptSize);
            });
        }
        // The tree is rebuilt from its leaves as far as the kept checkpoint, then all is as it was.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            tree.growAll();
            assertThat(tree.size()).isGreaterThanOrEqualTo(keptSize);
        });
        JsonNode log = verify("");
        assertThat(log.path("result").asString()).as(log.toString()).isEqualTo("intact");
    }

    /**
     * The platform signed with a key it has since retired (its public half is kept in
     * {@code alter8.audit.retired-public-keys}), then with its new key. Both checkpoints verify, online and offline
     * with the two public keys an auditor was given; with the new key alone the old checkpoint cannot be checked.
     */
    @Test
    void checkpointsSignedBeforeAndAfterAKeyRotationBothVerifyOnlineAndOffline() throws IOException {
        KeyPair retired = EmbeddedStackInitializer.retiredCheckpointKeys();
        long signedBefore = logGrownPastLatestCheckpoint();
        Checkpoint beforeRotation = signingWith(retired).publish();
        assertThat(beforeRotation.keyId()).isEqualTo(Checkpoint.keyId(retired.getPublic()));
        JsonNode last = propertyEvents().get(1);
        JsonNode afterRotation = checkpointWith(last.path("position").asLong());
        PublicKey active = Checkpoint.publicKey(auditor.get("/api/audit/public-key").json().path("publicKey")
                                                       .asString());
        assertThat(afterRotation.path("keyId").asString()).isEqualTo(Checkpoint.keyId(active))
                                                         .isNotEqualTo(beforeRotation.keyId());

        JsonNode log = verify("");
        assertThat(log.path("result").asString()).as(log.toString()).isEqualTo("intact");
        assertThat(log.path("checkpointSize").asLong()).isGreaterThanOrEqualTo(afterRotation.path("treeSize")
                                                                                          .asLong());
        assertThat(verify(entity(last)).path("result").asString()).isEqualTo("intact");
        Response listed = auditor.get("/api/audit/checkpoints?afterSize=" + (beforeRotation.treeSize() - 1));
        assertThat(listed.json().path("items").get(0).path("keyId").asString()).isEqualTo(beforeRotation.keyId());
        Response keys = auditor.get("/api/audit/keys");
        assertThat(keys.json().path("items").valueStream()
                       .map(k -> k.path("keyId").asString() + " " + k.path("active").asBoolean()))
                .containsExactly(Checkpoint.keyId(active) + " true", beforeRotation.keyId() + " false");

        // Offline, with the public keys the auditor was handed, not the ones the service publishes.
        CheckpointKeys handedOver = CheckpointKeys.of(active, retired.getPublic());
        String kept = auditor.get("/api/audit/checkpoints?afterSize=" + (beforeRotation.treeSize() - 1) + "&size=1")
                             .json().path("items").get(0).toString();
        Response consistency = auditor.get("/api/audit/proofs/consistency?from=" + beforeRotation.treeSize()
                                                   + "&to=" + afterRotation.path("treeSize").asLong());
        Report extended = offline(consistency.body(), Optional.of(kept), handedOver);
        assertThat(extended.intact()).as(extended.detail()).isTrue();
        assertThat(extended.signedBy()).contains(beforeRotation.keyId(), afterRotation.path("keyId").asString());
        Response inclusion = auditor.get("/api/audit/proofs/inclusion?position=" + last.path("position").asLong());
        assertThat(offline(inclusion.body(), Optional.empty(), handedOver).intact()).isTrue();
        Response oldInclusion = auditor.get("/api/audit/proofs/inclusion?position=" + signedBefore + "&treeSize="
                                                    + beforeRotation.treeSize());
        assertThat(oldInclusion.json().path("checkpoint").path("keyId").asString()).isEqualTo(beforeRotation.keyId());
        assertThat(offline(oldInclusion.body(), Optional.empty(), handedOver).intact()).isTrue();
        Report withoutRetiredKey = offline(consistency.body(), Optional.of(kept), CheckpointKeys.of(active));
        assertThat(withoutRetiredKey.intact()).isFalse();
        assertThat(withoutRetiredKey.detail()).contains(beforeRotation.keyId(), "not one of the keys");
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyFailsOnlineAndOffline() throws IOException {
        long position = logGrownPastLatestCheckpoint();
        Checkpoint forged = signingWith(DevKeys.checkpointKeys()).publish();
        try {
            JsonNode log = verify("");
            assertThat(log.path("result").asString()).as(log.toString()).isEqualTo("broken");
            assertThat(log.path("firstBreak").path("kind").asString()).isEqualTo("rewritten");
            assertThat(log.path("firstBreak").path("treeIndex").asLong()).isEqualTo(forged.treeSize());
            assertThat(log.path("firstBreak").path("detail").asString()).contains(forged.keyId(),
                                                                                   "not one of the keys");

            Response proof = auditor.get("/api/audit/proofs/inclusion?position=" + position + "&treeSize="
                                                 + forged.treeSize());
            assertThat(proof.status()).as(proof.body()).isEqualTo(200);
            Report report = offline(proof.body(), Optional.empty());
            assertThat(report.intact()).isFalse();
            assertThat(report.detail()).contains(forged.keyId(), "not one of the keys");
        } finally {
            jdbc.update("DELETE FROM audit_checkpoint WHERE tree_size = ?", forged.treeSize());
        }
        assertThat(verify("").path("result").asString()).isEqualTo("intact");
    }

    @Test
    void ownersTenantsAndStrangersAreRefusedAndBadOrUnknownAsksAnswered() {
        List<String> paths = List.of("/api/audit/checkpoints/latest", "/api/audit/checkpoints", "/api/audit/public-key",
                                     "/api/audit/keys",
                                     "/api/audit/proofs/inclusion?position=1", "/api/audit/proofs/consistency?from=0",
                                     "/api/audit/verify", "/api/audit/export");
        for (String path : paths) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            for (String role : List.of("owner", "tenant", "agent", "property_manager", "analyst")) {
                Response r = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), role)).get(path);
                assertThat(r.status()).as(role + " " + path).isEqualTo(403);
            }
        }
        assertThat(owner.post("/api/audit/checkpoints", "").status()).isEqualTo(403);

        Response inclusion = auditor.get("/api/audit/proofs/inclusion?position=0&treeSize=x");
        assertThat(inclusion.status()).isEqualTo(400);
        assertThat(inclusion.badFields()).containsExactlyInAnyOrder("position", "treeSize");
        assertThat(auditor.get("/api/audit/proofs/inclusion").badFields()).containsExactly("position");
        Response consistency = auditor.get("/api/audit/proofs/consistency?from=5&to=4");
        assertThat(consistency.status()).isEqualTo(400);
        assertThat(consistency.badFields()).containsExactly("to");
        Response verify = auditor.get("/api/audit/verify?aggregateType=spaceship&id=nope");
        assertThat(verify.status()).isEqualTo(400);
        assertThat(verify.badFields()).containsExactlyInAnyOrder("aggregateType", "id");
        assertThat(auditor.get("/api/audit/verify?id=" + UUID.randomUUID()).badFields())
                .containsExactly("aggregateType");
        Response checkpoints = auditor.get("/api/audit/checkpoints?afterSize=-1&size=0");
        assertThat(checkpoints.badFields()).containsExactlyInAnyOrder("afterSize", "size");

        for (String path : List.of("/api/audit/proofs/inclusion?position=" + Long.MAX_VALUE,
                                   "/api/audit/proofs/consistency?from=" + Long.MAX_VALUE,
                                   "/api/audit/verify?aggregateType=property&id=" + UUID.randomUUID())) {
            Response r = auditor.get(path);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(404);
            assertThat(r.contentType()).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
    }

    void flipByte(long position) {
        StoreTampering.flipByte(jdbc, position);
    }

    void swap(long first, long second) {
        StoreTampering.swap(jdbc, first, second);
    }

    /**
     * Flips a payload bit (again to undo it), makes its leaf match, and has the whole tree rebuilt from the leaves,
     * holding the tree's lock so that nothing grows it half-way.
     */
    void rewrite(long position) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, MerkleLog.GROWER_LOCK);
            flipByte(position);
            StoredEvent changed = jdbc.queryForObject(AuditLog.COLUMNS_SQL + "WHERE global_index = ?", AuditLog.ROW,
                                                      position);
            jdbc.update("UPDATE audit_leaf SET leaf_hash = ? WHERE position = ?",
                        LogVerifier.leafOf(new EventLeaf(), changed), position);
            jdbc.update("DELETE FROM audit_tree_node");
            jdbc.update("DELETE FROM audit_tree_leaf");
        });
        tree.growAll();
    }
}
