package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentDownloaded;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentPermission;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DownloadDocument;
import io.alter8.api.document.GrantDocumentAccess;
import io.alter8.api.document.RevokeDocumentAccess;
import io.alter8.api.document.SignDocument;
import io.alter8.api.document.UploadDocument;
import io.alter8.api.document.UploadDocumentVersion;
import io.alter8.command.NotFound;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.web.ApiException;
import io.alter8.web.RequestContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents: multipart uploads into the file store, new versions, grants, signatures, and downloads. Downloads are
 * served here, by the side that owns the bytes and the data keys that unseal identity documents; each one is a
 * command, so the document decides who may read and counts it. Routes admit roles ({@link DocumentAccessRules}); the
 * document and its entity decide who may act on this one.
 */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "Documents", description = "Upload, version, share, sign and download documents")
class DocumentController {

    private final CommandSender commands;
    private final Uploads uploads;
    private final Downloads downloads;
    private final EventStore events;
    private final PersonalDataCipher cipher;

    DocumentController(CommandSender commands, Uploads uploads, Downloads downloads, EventStore events,
                       PersonalDataCipher cipher) {
        this.commands = commands;
        this.uploads = uploads;
        this.downloads = downloads;
        this.events = events;
        this.cipher = cipher;
    }

    /** The form fields of an upload; {@code file} is the part with the bytes. */
    record DocumentUploadForm(UUID id,
                              @NotNull @OneOf(DocumentEntityType.class) String entityType,
                              @NotNull UUID entityId,
                              @NotNull @OneOf(DocumentType.class) String documentType,
                              @NotBlank @Size(max = Document.MAX_TITLE) String title,
                              @Size(max = Document.MAX_DESCRIPTION) String description,
                              @Size(max = Document.MAX_TAGS) List<@NotBlank @Size(max = Document.MAX_TAG) String> tags,
                              @OneOf(AccessLevel.class) String accessLevel,
                              @NotNull MultipartFile file) {
    }

    record DocumentVersionForm(@NotNull MultipartFile file) {
    }

    record DocumentGrantRequest(@NotNull @OneOf(DocumentPermission.class) String permission) {
    }

    record DocumentSignatureRequest(@NotBlank @Size(max = Document.MAX_SIGNATURE_FIELD) String signerName,
                                    @NotBlank @Size(max = Document.MAX_SIGNATURE_FIELD) String signatureImage) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Stored; Location is the document on the query side")
    @ApiResponse(responseCode = "404", description = "No such entity, or one the caller is none of the people of")
    @ApiResponse(responseCode = "413", description = "Larger than its type allows")
    @ApiResponse(responseCode = "415", description = "A media type its type does not take (detected from the bytes)")
    @Operation(summary = "Upload a document of a property, lease, user or verification (multipart)",
               description = "Form fields and a `file` part. The media type is detected from the bytes; a declared "
                       + "part type that disagrees is a 400. KYC and income proof belong to a user and are stored "
                       + "encrypted under that user's data key. A refused upload leaves no file behind.")
    ResponseEntity<CommandAccepted> upload(@Valid @ModelAttribute DocumentUploadForm form) {
        DocumentType type = DocumentType.fromWire(form.documentType());
        DocumentEntityType entity = DocumentEntityType.fromWire(form.entityType());
        if (type.encrypted() && entity != DocumentEntityType.USER) {
            // Checked before the bytes are stored: they are sealed under the user's key, and there is none here.
            throw ApiException.badInput("entityType", "a " + type.wire() + " document belongs to a user");
        }
        DocumentId id = form.id() == null ? DocumentId.random() : new DocumentId(form.id());
        UserId sealFor = type.encrypted() ? new UserId(form.entityId()) : null;
        AccessLevel level = form.accessLevel() == null ? null : AccessLevel.fromWire(form.accessLevel());
        return uploads.store(form.file(), type, id, sealFor, (checked, stored) -> commands.create(
                new UploadDocument(id, entity, form.entityId(), type, form.title(), form.description(), form.tags(),
                                   level, stored, Callers.actor()),
                id, form.id(), "/api/documents/" + id));
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a new version (multipart `file`): it becomes the latest, the previous stays "
                       + "readable", description = "Takes If-Match. The same content as the latest is a 409.")
    ResponseEntity<CommandAccepted> uploadVersion(@PathVariable UUID id,
                                                  @Valid @ModelAttribute DocumentVersionForm form,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                  String ifMatch) {
        DocumentId document = new DocumentId(id);
        DocumentUploaded first = firstEvent(document);
        UserId sealFor = first.documentType().encrypted() ? new UserId(first.entityId()) : null;
        return uploads.store(form.file(), first.documentType(), document, sealFor, (checked, stored) ->
                commands.change(document, ifMatch, (doc, by, version) ->
                        new UploadDocumentVersion(doc, stored, by, version)));
    }

    @GetMapping("/{id}/content")
    @ApiResponse(responseCode = "200", description = "The bytes, streamed, as uploaded")
    @ApiResponse(responseCode = "404", description = "No such document or version, or one the caller may not read")
    @ApiResponse(responseCode = "410", description = "An identity document whose person has been erased")
    @Operation(summary = "Download a document (the latest version, or `version`)",
               description = "Counted, with who and when, before the bytes are sent.")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID id,
                                                   @RequestParam(required = false) @Min(1) Integer version) {
        DocumentId document = new DocumentId(id);
        CommandAccepted counted = commands.send(new DownloadDocument(document, version, Callers.actor()), document,
                                                commands.metaData());
        return downloads.serve(downloaded(document, counted.version()).file(), false);
    }

    @PutMapping("/{id}/grants/{userId}")
    @Operation(summary = "Give a user read, write or admin permission on the document (its administrators)")
    ResponseEntity<CommandAccepted> grant(@PathVariable UUID id, @PathVariable UUID userId,
                                          @Valid @RequestBody DocumentGrantRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        return commands.change(new DocumentId(id), ifMatch, (doc, by, version) -> new GrantDocumentAccess(
                doc, new UserId(userId), DocumentPermission.fromWire(request.permission()), by, version));
    }

    @DeleteMapping("/{id}/grants/{userId}")
    @Operation(summary = "Take back a user's grant; what the document's entity gives them stays")
    ResponseEntity<CommandAccepted> revoke(@PathVariable UUID id, @PathVariable UUID userId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(new DocumentId(id), ifMatch, (doc, by, version) ->
                new RevokeDocumentAccess(doc, new UserId(userId), by, version));
    }

    @PostMapping("/{id}/signatures")
    @Operation(summary = "Sign the latest version (the parties of its entity: a lease's owner and tenants)",
               description = "Records the signer's name, the signature image's reference, the time and the "
                       + "client address. Signing again changes nothing.")
    ResponseEntity<CommandAccepted> sign(@PathVariable UUID id, @Valid @RequestBody DocumentSignatureRequest request,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                         String ifMatch, HttpServletRequest http) {
        String address = RequestContext.clientIp(http);
        return commands.change(new DocumentId(id), ifMatch, (doc, by, version) -> new SignDocument(
                doc, cipher.encrypt(by.userId(), request.signerName().strip(), Mask.NAME), request.signatureImage(),
                address, by, version));
    }

    /** The document's first event, which says its type and entity; 404 when there is no such document. */
    private DocumentUploaded firstEvent(DocumentId id) {
        return eventAt(id, 0, DocumentUploaded.class).orElseThrow(() -> new NotFound("no document " + id));
    }

    /** The download the command just recorded, at {@code sequence}: it names the file to serve. */
    private DocumentDownloaded downloaded(DocumentId id, long sequence) {
        return eventAt(id, sequence, DocumentDownloaded.class)
                .orElseThrow(() -> new IllegalStateException("no download recorded at " + id + "/" + sequence));
    }

    private <E> Optional<E> eventAt(DocumentId id, long sequence, Class<E> type) {
        return events.readEvents(id.toString(), sequence).asStream().findFirst()
                     .map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast);
    }
}
