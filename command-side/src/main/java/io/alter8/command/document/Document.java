package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.EncryptedValue;
import io.alter8.api.common.UserId;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentAccessGranted;
import io.alter8.api.document.DocumentAccessRevoked;
import io.alter8.api.document.DocumentDownloaded;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentExpired;
import io.alter8.api.document.DocumentPermission;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.document.DocumentTextExtracted;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DocumentVersionUploaded;
import io.alter8.api.document.DownloadDocument;
import io.alter8.api.document.ExpireDocument;
import io.alter8.api.document.GrantDocumentAccess;
import io.alter8.api.document.RecordDocumentText;
import io.alter8.api.document.RevokeDocumentAccess;
import io.alter8.api.document.SignDocument;
import io.alter8.api.document.StoredFile;
import io.alter8.api.document.UploadDocument;
import io.alter8.api.document.UploadDocumentVersion;
import io.alter8.api.user.Actor;
import io.alter8.command.CommandArguments;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.now;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A document of a property, lease, user or verification: its versions (each a stored file; the last is the latest),
 * who may read, write and administer it, its signatures, its downloads and its retention.
 * <p>
 * Access is the entity's ({@link DocumentEntities}: asked each time, so it follows the entity's people) plus explicit
 * grants, within the access level: {@code public} every signed-in user reads; {@code restricted} (the default) the
 * entity's people read; {@code private} only its writers do. The uploader and admins always may. Whoever may not read
 * a document is told it does not exist (404), so ids say nothing.
 * <pre>
 * uploaded → new versions (the words of each one's text recorded after), grants, signatures, downloads
 *          → expired (retention deleted its files; gone)
 * </pre>
 */
@Aggregate
class Document {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final int MAX_SIGNATURE_FIELD = 2000;

    @AggregateIdentifier
    private DocumentId id;
    private DocumentEntityType entityType;
    private UUID entityId;
    private DocumentType type;
    private AccessLevel accessLevel;
    private UserId uploadedBy;
    /** Version n is at index n - 1; the last is the latest. */
    private final List<StoredFile> versions = new ArrayList<>();
    private final Map<UserId, DocumentPermission> grants = new HashMap<>();
    /** Who signed the latest version. */
    private final Set<UserId> signers = new HashSet<>();
    /** The versions whose words are recorded. */
    private final Set<Integer> withText = new HashSet<>();
    private long downloadCount;
    private Instant autoDeleteAt;

    Document() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UploadDocument command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        if (id != null) {
            // The file of this request is another one: refusing lets the caller's upload delete it.
            throw new DomainRuleViolation("document-exists", "document " + command.documentId() + " exists already");
        }
        DocumentEntityType entity = required(command.entityType(), "entityType");
        UUID entityOf = required(command.entityId(), "entityId");
        DocumentType kind = required(command.documentType(), "documentType");
        StoredFile file = required(command.file(), "file");
        String title = required(text(command.title()), "title");
        if (title.length() > MAX_TITLE) {
            throw new DomainRuleViolation("invalid-title", "the title has at most " + MAX_TITLE + " characters");
        }
        String description = text(command.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new DomainRuleViolation("invalid-description",
                                          "the description has at most " + MAX_DESCRIPTION + " characters");
        }
        List<String> tags = CommandArguments.tags(command.tags(), MAX_TAGS, MAX_TAG);
        AccessLevel level = command.accessLevel() == null ? AccessLevel.RESTRICTED : command.accessLevel();
        if (kind.encrypted()) {
            if (entity != DocumentEntityType.USER) {
                throw new DomainRuleViolation("identity-document-of-a-user",
                                              "a " + kind.wire() + " document belongs to a user");
            }
            if (level == AccessLevel.PUBLIC) {
                throw new DomainRuleViolation("identity-document-not-public",
                                              "a " + kind.wire() + " document cannot be public");
            }
        }
        requireSealedAsItsType(kind, file);
        DocumentEntities.Members members = entities.membersOf(entity, entityOf)
                .orElseThrow(() -> new NotFound("no " + entity.wire() + " " + entityOf));
        if (!by.role().isAdmin() && !members.writers().contains(by.userId())) {
            if (members.includes(by.userId())) {
                throw new NotPermitted("only the " + entity.wire() + "'s writers add its documents");
            }
            // Someone who is none of its people learns nothing of it.
            throw new NotFound("no " + entity.wire() + " " + entityOf);
        }
        Instant at = now();
        // Whole seconds: the retention table keeps microseconds, and the job must find it due when it is.
        Instant deleteAt = kind.retention() == null ? null
                : at.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC).plus(kind.retention()).toInstant();
        apply(new DocumentUploaded(command.documentId(), entity, entityOf, kind, kind.category(), title, description,
                                   tags, level, file, List.of(), by.userId(), at,
                                   kind.retentionPolicy(), deleteAt, kind.complianceTags()));
    }

    @CommandHandler
    void handle(UploadDocumentVersion command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        Access access = access(by, entities);
        if (!access.write()) {
            throw access.read() ? new NotPermitted("only the document's writers add versions") : unknown();
        }
        StoredFile file = required(command.file(), "file");
        requireSealedAsItsType(type, file);
        if (file.sha256().equals(latest().sha256())) {
            throw new DomainRuleViolation("same-content", "the latest version has this content already");
        }
        apply(new DocumentVersionUploaded(id, versions.size() + 1, versions.size(), file, List.of(), by.userId(),
                                          now()));
    }

    /**
     * Records the words of a version's text, extracted in the background ({@link WhenDocumentUploadedThenExtractText});
     * a version whose words are recorded already is left as it is, so a redelivered upload records nothing twice.
     */
    @CommandHandler
    void handle(RecordDocumentText command) {
        int version = command.version();
        if (version < 1 || version > versions.size()) {
            throw new NotFound("document " + id + " has no version " + version);
        }
        if (versions.get(version - 1).encrypted()) {
            throw new DomainRuleViolation("encrypted", "the text of an identity document is never recorded");
        }
        if (withText.contains(version)) {
            return;
        }
        apply(new DocumentTextExtracted(id, version, List.copyOf(required(command.searchWords(), "searchWords")),
                                        now()));
    }

    /** Counts a download of {@code version} (the latest when null) by someone who may read it. */
    @CommandHandler
    void handle(DownloadDocument command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        if (!access(by, entities).read()) {
            throw unknown();
        }
        int version = command.version() == null ? versions.size() : command.version();
        if (version < 1 || version > versions.size()) {
            throw new NotFound("document " + id + " has no version " + version);
        }
        apply(new DocumentDownloaded(id, version, versions.get(version - 1), by.userId(), now(),
                                     downloadCount + 1));
    }

    @CommandHandler
    void handle(GrantDocumentAccess command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        requireAdministrator(by, entities);
        UserId grantee = required(command.grantee(), "userId");
        DocumentPermission permission = required(command.permission(), "permission");
        if (permission == grants.get(grantee)) {
            return;
        }
        apply(new DocumentAccessGranted(id, grantee, permission, by.userId()));
    }

    @CommandHandler
    void handle(RevokeDocumentAccess command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        requireAdministrator(by, entities);
        UserId grantee = required(command.grantee(), "userId");
        if (!grants.containsKey(grantee)) {
            return;
        }
        apply(new DocumentAccessRevoked(id, grantee, by.userId()));
    }

    /** The entity's signers sign the latest version, each once; signing it again changes nothing. */
    @CommandHandler
    void handle(SignDocument command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        DocumentEntities.Members members = members(entities);
        if (!members.signers().contains(by.userId())) {
            throw access(by, members).read() ? new NotPermitted("only the " + entityType.wire()
                    + "'s parties sign its documents") : unknown();
        }
        // Encrypted under the signer's key; its length was checked where it was plain text.
        EncryptedValue name = required(command.signerName(), "signerName");
        String image = signatureField(command.signatureImage(), "signatureImage");
        if (signers.contains(by.userId())) {
            return;
        }
        Set<UserId> signed = new HashSet<>(signers);
        signed.add(by.userId());
        apply(new DocumentSigned(id, entityType, entityId, type, versions.size(), by.userId(), name, now(), image,
                                 text(command.ipAddress()), signed.containsAll(members.signers())));
    }

    /** Retention: the document's files are deleted once its auto-delete date has passed. */
    @CommandHandler
    void handle(ExpireDocument command) {
        Instant at = required(command.now(), "now");
        if (autoDeleteAt == null || autoDeleteAt.isAfter(at)) {
            throw new DomainRuleViolation("not-expired", "document " + id + " is kept until "
                    + (autoDeleteAt == null ? "its person is erased" : autoDeleteAt));
        }
        apply(new DocumentExpired(id, versions.stream().map(StoredFile::fileId).toList(), type.retentionPolicy(),
                                  at));
    }

    /** The file ids this document still holds, for the sweep of files no document holds. */
    Set<String> fileIds() {
        Set<String> ids = new HashSet<>();
        versions.forEach(file -> ids.add(file.fileId()));
        return ids;
    }

    // ------------------------------------------------------------------------------------------------------ access

    record Access(boolean read, boolean write, boolean admin) {
    }

    private Access access(Actor by, DocumentEntities entities) {
        return access(by, members(entities));
    }

    private Access access(Actor by, DocumentEntities.Members members) {
        UserId user = by.userId();
        if (by.role().isAdmin() || user.equals(uploadedBy)) {
            return new Access(true, true, true);
        }
        DocumentPermission granted = grants.get(user);
        boolean admin = granted == DocumentPermission.ADMIN;
        boolean write = admin || granted == DocumentPermission.WRITE || members.writers().contains(user);
        boolean read = write || granted != null || accessLevel == AccessLevel.PUBLIC
                || accessLevel == AccessLevel.RESTRICTED && members.includes(user);
        return new Access(read, write, admin);
    }

    /** The entity's people now; an entity that is gone leaves the uploader, grantees and admins. */
    private DocumentEntities.Members members(DocumentEntities entities) {
        return entities.membersOf(entityType, entityId)
                       .orElseGet(() -> new DocumentEntities.Members(Set.of(), Set.of(), Set.of()));
    }

    private void requireAdministrator(Actor by, DocumentEntities entities) {
        Access access = access(by, entities);
        if (!access.admin()) {
            throw access.read() ? new NotPermitted("only the document's uploader, admins and holders of an admin "
                    + "grant change who may use it") : unknown();
        }
    }

    private NotFound unknown() {
        return new NotFound("no document " + id);
    }

    // ----------------------------------------------------------------------------------------------------- checks

    private StoredFile latest() {
        return versions.get(versions.size() - 1);
    }

    private static void requireSealedAsItsType(DocumentType kind, StoredFile file) {
        if (kind.encrypted() != file.encrypted()) {
            // The file store seals by type; a command that disagrees did not come through it.
            throw new DomainRuleViolation("invalid-file", kind.encrypted()
                    ? "a " + kind.wire() + " document is stored encrypted" : "only identity documents are encrypted");
        }
    }

    private static String signatureField(String value, String field) {
        String kept = required(text(value), field);
        if (kept.length() > MAX_SIGNATURE_FIELD) {
            throw new DomainRuleViolation("invalid-" + field, field + " has at most " + MAX_SIGNATURE_FIELD
                    + " characters");
        }
        return kept;
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(DocumentUploaded event) {
        id = event.documentId();
        entityType = event.entityType();
        entityId = event.entityId();
        type = event.documentType();
        accessLevel = event.accessLevel();
        uploadedBy = event.uploadedBy();
        versions.add(event.file());
        autoDeleteAt = event.autoDeleteAt();
    }

    @EventSourcingHandler
    void on(DocumentVersionUploaded event) {
        versions.add(event.file());
        signers.clear();
    }

    @EventSourcingHandler
    void on(DocumentTextExtracted event) {
        withText.add(event.version());
    }

    @EventSourcingHandler
    void on(DocumentDownloaded event) {
        downloadCount = event.downloadCount();
    }

    @EventSourcingHandler
    void on(DocumentAccessGranted event) {
        grants.put(event.grantee(), event.permission());
    }

    @EventSourcingHandler
    void on(DocumentAccessRevoked event) {
        grants.remove(event.grantee());
    }

    @EventSourcingHandler
    void on(DocumentSigned event) {
        signers.add(event.signerId());
    }

    @EventSourcingHandler
    void on(DocumentExpired event) {
        versions.clear();
        markDeleted();
    }
}
