package io.alter8.command.audit;

import io.alter8.command.audit.AggregateTypes.AggregateType;
import io.alter8.command.audit.LogVerifier.Verification;
import io.alter8.command.audit.MerkleLog.TreeLeaf;
import io.alter8.merkle.Checkpoint;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tamper evidence of docs/audit.md: signed checkpoints, inclusion and consistency proofs, the verification of
 * the whole log or one entity, and the export bundle an auditor verifies offline ({@code ./alter8 audit verify}).
 * Hashes and signatures are base64; every answer that proves something carries the signed checkpoint it proves
 * against.
 */
@RestController
@Tag(name = "Audit", description = "History and tamper evidence, for auditors and admins")
class TamperEvidenceController {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final MerkleLog tree;
    private final Checkpoints checkpoints;
    private final LogVerifier verifier;
    private final EventHistory log;
    private final AggregateTypes types;
    private final JsonMapper json;

    TamperEvidenceController(MerkleLog tree, Checkpoints checkpoints, LogVerifier verifier, EventHistory log,
                             AggregateTypes types, JsonMapper json) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.verifier = verifier;
        this.log = log;
        this.types = types;
        this.json = json;
    }

    record CheckpointView(String kind, long treeSize, String rootHash, Instant signedAt, String keyId,
                          String signature) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView("checkpoint", c.treeSize(), B64.encodeToString(c.rootHash()), c.signedAt(),
                                      c.keyId(), B64.encodeToString(c.signature()));
        }
    }

    record CheckpointPage(List<CheckpointView> items, int size, Long nextAfterSize) {
    }

    /** {@code active}: the key new checkpoints are signed with; the others were retired by a rotation. */
    record PublicKeyView(String keyId, String algorithm, String publicKey, boolean active) {
        static PublicKeyView of(PublicKey key, boolean active) {
            return new PublicKeyView(Checkpoint.keyId(key), "Ed25519", B64.encodeToString(key.getEncoded()), active);
        }
    }

    record KeyList(List<PublicKeyView> items) {
    }

    /** An event as stored, bytes in base64, with its leaf: enough to recompute the leaf offline. */
    record ExportedEvent(String kind, long treeIndex, String leafHash, long position, String eventId,
                         String aggregateType, String aggregateId, Long sequence, String timestamp,
                         String payloadType, String revision, String payload, String metaData) {
        static ExportedEvent of(TreeLeaf leaf, StoredEvent e) {
            return e == null
                    ? new ExportedEvent("event", leaf.treeIndex(), B64.encodeToString(leaf.leafHash()),
                                        leaf.position(), leaf.eventId(), null, leaf.aggregateId(), null, null, null,
                                        null, null, null)
                    : new ExportedEvent("event", leaf.treeIndex(), B64.encodeToString(leaf.leafHash()),
                                        e.position(), e.eventId(), e.aggregateType(), e.aggregateId(), e.sequence(),
                                        e.timestamp(), e.payloadType(), e.revision(),
                                        B64.encodeToString(e.payload()),
                                        e.metaData() == null ? null : B64.encodeToString(e.metaData()));
        }
    }

    record InclusionProof(String kind, long treeIndex, long treeSize, List<String> proof, ExportedEvent event,
                          CheckpointView checkpoint) {
    }

    record ConsistencyProof(String kind, long fromSize, long toSize, List<String> proof, CheckpointView from,
                            CheckpointView to) {
    }

    @GetMapping(value = "/api/audit/checkpoints/latest", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest signed checkpoint",
               description = "Tree size, root hash, time, key id and Ed25519 signature of the text "
                       + "\"alter8 event log\\n<size>\\n<root>\\n<time>\\n\". The first is made when first asked for.")
    CheckpointView latest() {
        return CheckpointView.of(checkpoints.latest().orElseGet(checkpoints::publish));
    }

    @GetMapping(value = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Past checkpoints, oldest first",
               description = "Paged by tree size: afterSize (default: from the first), size (at most 100).")
    CheckpointPage list(@RequestParam(required = false) String afterSize,
                        @RequestParam(required = false) String size) {
        List<FieldError> errors = new ArrayList<>();
        Long after = QueryParameters.whole("afterSize", afterSize, 0, Long.MAX_VALUE, errors);
        Long limit = QueryParameters.whole("size", size, 1, Paging.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        int n = limit == null ? 20 : limit.intValue();
        List<CheckpointView> items = checkpoints.after(after == null ? -1 : after, n).stream()
                                                .map(CheckpointView::of).toList();
        return new CheckpointPage(items, n, items.size() < n ? null : items.get(items.size() - 1).treeSize());
    }

    @PostMapping(value = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A checkpoint now",
               description = "Signs the tree as far as it has grown; the latest checkpoint again if nothing was "
                       + "stored since. Changes no domain state.")
    CheckpointView checkpointNow() {
        return CheckpointView.of(checkpoints.publish());
    }

    @GetMapping(value = "/api/audit/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The key checkpoints are signed with",
               description = "Ed25519, X.509 in base64. Take it from a channel you trust (docs/audit.md): a key "
                       + "fetched from the service it should check proves nothing against that service.")
    PublicKeyView publicKey() {
        return PublicKeyView.of(checkpoints.publicKey(), true);
    }

    @GetMapping(value = "/api/audit/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every key checkpoints are signed with",
               description = "The active key and those a rotation retired, which still vouch for the checkpoints "
                       + "signed before it; each checkpoint names its key by keyId. Ed25519, X.509 in base64. As "
                       + "for the public key, take them from a channel you trust (docs/audit.md).")
    KeyList keys() {
        Optional<PublicKey> active = checkpoints.activeKey();
        return new KeyList(checkpoints.keys().all().stream()
                                      .map(k -> PublicKeyView.of(k, active.filter(k::equals).isPresent()))
                                      .toList());
    }

    @GetMapping(value = "/api/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that the event at a position is in a checkpoint's tree",
               description = "position: the event's global position; treeSize: the size of a checkpoint you hold "
                       + "(default: the latest, made now if the event is newer). Carries the event as stored, so "
                       + "its leaf can be recomputed offline. 404 when no event at that position is in the tree.")
    InclusionProof inclusion(@RequestParam(required = false) String position,
                             @RequestParam(required = false) String treeSize) {
        List<FieldError> errors = new ArrayList<>();
        Long at = QueryParameters.requiredWhole("position", position, log.firstPosition(), Long.MAX_VALUE, errors);
        Long size = QueryParameters.whole("treeSize", treeSize, 1, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        TreeLeaf leaf = tree.leafAt(at).or(() -> {
            tree.growAll();
            return tree.leafAt(at);
        }).orElseThrow(() -> ApiException.notFound("event in the log's tree at position", at));
        Checkpoint checkpoint = size != null ? signed(size)
                : checkpoints.latest().filter(c -> c.treeSize() > leaf.treeIndex()).orElseGet(checkpoints::publish);
        if (leaf.treeIndex() >= checkpoint.treeSize()) {
            throw ApiException.badInput("treeSize", "the event at position " + at + " is leaf " + leaf.treeIndex()
                    + ", not in a tree of " + checkpoint.treeSize());
        }
        return new InclusionProof("inclusion", leaf.treeIndex(), checkpoint.treeSize(),
                                  encoded(tree.inclusion(leaf.treeIndex(), checkpoint.treeSize())),
                                  ExportedEvent.of(leaf, log.at(at).orElse(null)), CheckpointView.of(checkpoint));
    }

    @GetMapping(value = "/api/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that a later checkpoint's tree extends an earlier one's",
               description = "from: the size of the checkpoint you hold; to: a later checkpoint's size (default: "
                       + "the latest). Both checkpoints travel with the proof. 404 when either size was never "
                       + "signed.")
    ConsistencyProof consistency(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        Long first = QueryParameters.requiredWhole("from", from, 0, Long.MAX_VALUE, errors);
        Long second = QueryParameters.whole("to", to, 0, Long.MAX_VALUE, errors);
        if (first != null && second != null && second < first) {
            errors.add(new FieldError("to", "must be at least from"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        Checkpoint older = signed(first);
        Checkpoint newer = second != null ? signed(second) : checkpoints.latest().orElseThrow();
        if (newer.treeSize() < older.treeSize()) {
            throw ApiException.badInput("to", "must be at least from");
        }
        return new ConsistencyProof("consistency", older.treeSize(), newer.treeSize(),
                                    encoded(tree.consistency(older.treeSize(), newer.treeSize())),
                                    CheckpointView.of(older), CheckpointView.of(newer));
    }

    @GetMapping(value = "/api/audit/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute the tamper evidence",
               description = "The whole log, or one entity (aggregateType and id). Answers the events checked and "
                       + "either intact or the first break: changed, removed, reordered, replaced, inserted or "
                       + "rewritten, with the position and event (docs/audit.md). Events not yet in the tree are "
                       + "counted as notYetInTree.")
    Verification verify(@RequestParam(required = false) String aggregateType,
                        @RequestParam(required = false) String id) {
        String typeName = QueryParameters.text(aggregateType);
        String entity = QueryParameters.text(id);
        if (typeName == null && entity == null) {
            return verifier.whole();
        }
        List<FieldError> errors = new ArrayList<>();
        AggregateType type = null;
        if (typeName == null) {
            errors.add(new FieldError("aggregateType", "is required with id"));
        } else {
            type = types.byUrlName(typeName).orElse(null);
            if (type == null) {
                errors.add(new FieldError("aggregateType", "must be one of " + String.join(", ", types.all().keySet())));
            }
        }
        if (entity == null) {
            errors.add(new FieldError("id", "is required with aggregateType"));
        } else {
            QueryParameters.id("id", entity, UUID::fromString, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        List<StoredEvent> events = log.ofAggregate(type.storedName(), entity);
        if (events.isEmpty() && tree.leavesOf(entity).isEmpty()) {
            throw ApiException.notFound(typeName, entity);
        }
        return verifier.entity(type.urlName() + "/" + entity, events);
    }

    @GetMapping(value = "/api/audit/export", produces = AuditController.NDJSON)
    @Operation(summary = "The export bundle, for offline verification",
               description = "JSON Lines: first the latest checkpoint (made now), then every event of its tree in "
                       + "tree order, as stored (bytes in base64) with its leaf hash. Check it with "
                       + "./alter8 audit verify FILE and the platform's public key.")
    ResponseEntity<StreamingResponseBody> export() {
        Checkpoint checkpoint = checkpoints.publish();
        StreamingResponseBody body = out -> {
            out.write(json.writeValueAsBytes(CheckpointView.of(checkpoint)));
            out.write('\n');
            log.streamTree(checkpoint.treeSize(), (leaf, event) -> {
                try {
                    out.write(json.writeValueAsBytes(ExportedEvent.of(leaf, event)));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditController.NDJSON)).body(body);
    }

    private Checkpoint signed(long size) {
        return checkpoints.ofSize(size).orElseThrow(() -> ApiException.notFound("checkpoint of tree size", size));
    }

    private static List<String> encoded(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).toList();
    }
}
