package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.media.ChangeMediaDetails;
import io.alter8.api.media.ChoosePrimaryMedia;
import io.alter8.api.media.DeleteMedia;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaVerificationStatus;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.RenditionSize;
import io.alter8.api.media.ReorderMedia;
import io.alter8.api.media.ReviewMedia;
import io.alter8.api.media.RoomType;
import io.alter8.api.media.UploadMedia;
import io.alter8.command.document.Downloads;
import io.alter8.command.document.Uploads;
import io.alter8.command.web.Callers;
import io.alter8.command.web.CommandAccepted;
import io.alter8.command.web.CommandSender;
import io.alter8.command.web.OneOf;
import io.alter8.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Property media: multipart uploads into the file store (the one upload path documents use), details, the primary
 * photo, the display order, reviews, deletion, and downloads of a medium or its smaller versions. Served here, by
 * the side that owns the bytes, like documents. Routes admit roles ({@link MediaAccessRules}); the property's media
 * decide who may act on them and see each medium.
 */
@RestController
@RequestMapping("/api/properties/{propertyId}/media")
@Tag(name = "Property media", description = "Photos, videos, 360 tours and floor plans of a property")
class MediaController {

    private final CommandSender commands;
    private final Uploads uploads;
    private final Downloads downloads;
    private final MediaInspector inspector;
    private final MediaFiles files;

    MediaController(CommandSender commands, Uploads uploads, Downloads downloads, MediaInspector inspector,
                    MediaFiles files) {
        this.commands = commands;
        this.uploads = uploads;
        this.downloads = downloads;
        this.inspector = inspector;
        this.files = files;
    }

    /** The form fields of an upload; {@code file} is the part with the bytes. */
    record MediaUploadForm(UUID id,
                           @NotNull @OneOf(MediaKind.class) String kind,
                           @OneOf(RoomType.class) String roomType,
                           @Size(max = PropertyMedia.MAX_TAGS)
                           List<@Size(min = 1, max = PropertyMedia.MAX_TAG) String> tags,
                           @OneOf(MediaVisibility.class) String visibility,
                           Boolean primary,
                           UUID verificationId,
                           @NotNull MultipartFile file) {
    }

    record MediaDetailsRequest(@OneOf(RoomType.class) String roomType,
                               @Size(max = PropertyMedia.MAX_TAGS)
                               List<@Size(min = 1, max = PropertyMedia.MAX_TAG) String> tags,
                               @NotNull @OneOf(MediaVisibility.class) String visibility) {
    }

    record PrimaryMediaRequest(@NotNull UUID mediaId) {
    }

    record MediaOrderRequest(@NotEmpty @Size(max = PropertyMedia.MAX_MEDIA) List<@NotNull UUID> mediaIds) {
    }

    record MediaReviewRequest(@NotNull @Pattern(regexp = "approved|rejected", message = "must be one of: approved, "
            + "rejected") String status,
                              @Size(max = PropertyMedia.MAX_REASON) String reason,
                              UUID verificationId) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Stored; Location is the medium on the query side. Images get "
            + "their smaller versions made in the background.")
    @ApiResponse(responseCode = "404", description = "No such property, or one the caller is none of the people of")
    @ApiResponse(responseCode = "413", description = "Larger than its kind allows")
    @ApiResponse(responseCode = "415", description = "A media type its kind does not take (detected from the bytes)")
    @Operation(summary = "Upload a photo, video, 360 tour or floor plan of a property (multipart)",
               description = "Form fields and a `file` part. Images and floor plans up to 15 MB (JPEG, PNG; floor "
                       + "plans also PDF), 360 tours up to 50 MB (JPEG panorama or MP4), videos up to 100 MB (MP4, "
                       + "QuickTime, WebM). The media type is detected from the bytes; a declared part type that "
                       + "disagrees is a 400. Camera, time taken and GPS are read from an image's EXIF. A field "
                       + "executive names the verification of the property assigned to them. The first public "
                       + "image becomes the primary photo. A refused upload leaves no file behind.")
    ResponseEntity<CommandAccepted> upload(@PathVariable UUID propertyId,
                                           @Valid @ModelAttribute MediaUploadForm form) {
        MediaKind kind = MediaKind.fromWire(form.kind());
        PropertyId property = new PropertyId(propertyId);
        PropertyMediaId gallery = PropertyMediaId.of(property);
        MediaId medium = form.id() == null ? MediaId.random() : new MediaId(form.id());
        return uploads.store(form.file(), MediaRules.of(kind), "a " + kind.wire() + " medium",
                             MediaFiles.holder(gallery, medium), null, (checked, stored) -> {
                    MediaInspector.Inspected seen = inspector.inspect(checked.content(), checked.mediaType());
                    ResponseEntity<CommandAccepted> created = commands.create(new UploadMedia(
                            gallery, property, medium, kind, stored, seen.width(), seen.height(), seen.capture(),
                            form.roomType() == null ? null : RoomType.fromWire(form.roomType()), form.tags(),
                            form.visibility() == null ? null : MediaVisibility.fromWire(form.visibility()),
                            form.primary(), form.verificationId() == null ? null
                                    : new VerificationId(form.verificationId()), Callers.actor()),
                            gallery, path(property, medium));
                    // The answer names the medium; its version and position are the property's media's.
                    CommandAccepted media = created.getBody();
                    return ResponseEntity.status(created.getStatusCode()).headers(created.getHeaders())
                                         .body(new CommandAccepted(medium.toString(), media.version(),
                                                                   media.position()));
                });
    }

    @PutMapping("/{mediaId}")
    @Operation(summary = "Set a medium's room, tags and visibility (the property's people, or its uploader)",
               description = "Takes If-Match (the version of the property's media). The primary photo stays public.")
    ResponseEntity<CommandAccepted> details(@PathVariable UUID propertyId, @PathVariable UUID mediaId,
                                            @Valid @RequestBody MediaDetailsRequest request,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        return commands.change(gallery(propertyId), ifMatch, (id, by, version) -> new ChangeMediaDetails(
                id, new MediaId(mediaId), request.roomType() == null ? null : RoomType.fromWire(request.roomType()),
                request.tags(), MediaVisibility.fromWire(request.visibility()), by, version));
    }

    @DeleteMapping("/{mediaId}")
    @ApiResponse(responseCode = "200", description = "Deleted; its files and smaller versions are deleted shortly "
            + "after. The primary photo passes to the next public image in display order.")
    @ApiResponse(responseCode = "404", description = "No such medium, or one the caller may not see")
    @ApiResponse(responseCode = "409", description = "`verification-evidence`: taken for a verification, so only "
            + "an admin deletes it")
    @Operation(summary = "Delete a medium (the property's owner or manager, or an admin)",
               description = "Takes If-Match (the version of the property's media).")
    ResponseEntity<CommandAccepted> delete(@PathVariable UUID propertyId, @PathVariable UUID mediaId,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        return commands.change(gallery(propertyId), ifMatch, (id, by, version) ->
                new DeleteMedia(id, new MediaId(mediaId), by, version));
    }

    @PutMapping("/primary")
    @Operation(summary = "Make a public image the property's primary photo; the one before no longer is")
    ResponseEntity<CommandAccepted> primary(@PathVariable UUID propertyId,
                                            @Valid @RequestBody PrimaryMediaRequest request,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                            String ifMatch) {
        return commands.change(gallery(propertyId), ifMatch, (id, by, version) ->
                new ChoosePrimaryMedia(id, new MediaId(request.mediaId()), by, version));
    }

    @PutMapping("/order")
    @Operation(summary = "Set the display order: every medium of the property, each once, first shown first")
    ResponseEntity<CommandAccepted> order(@PathVariable UUID propertyId,
                                          @Valid @RequestBody MediaOrderRequest request,
                                          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                          String ifMatch) {
        if (new HashSet<>(request.mediaIds()).size() != request.mediaIds().size()) {
            throw ApiException.badInput("mediaIds", "must name each medium once");
        }
        return commands.change(gallery(propertyId), ifMatch, (id, by, version) ->
                new ReorderMedia(id, request.mediaIds().stream().map(MediaId::new).toList(), by, version));
    }

    @PostMapping("/{mediaId}/review")
    @Operation(summary = "Approve or reject a medium (admins; field executives name their verification of the "
                       + "property)", description = "A rejection says why (`reason`). Takes If-Match.")
    ResponseEntity<CommandAccepted> review(@PathVariable UUID propertyId, @PathVariable UUID mediaId,
                                           @Valid @RequestBody MediaReviewRequest request,
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                           String ifMatch) {
        MediaVerificationStatus status = MediaVerificationStatus.fromWire(request.status());
        if (status == MediaVerificationStatus.REJECTED && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.badInput("reason", "a rejection says why");
        }
        return commands.change(gallery(propertyId), ifMatch, (id, by, version) -> new ReviewMedia(
                id, new MediaId(mediaId), request.verificationId() == null ? null
                        : new VerificationId(request.verificationId()), status, request.reason(), by, version));
    }

    @GetMapping("/{mediaId}/content")
    @ApiResponse(responseCode = "200", description = "The bytes, streamed: as uploaded, or the smaller version asked")
    @ApiResponse(responseCode = "404", description = "No such medium, or one the caller may not see")
    @ApiResponse(responseCode = "409", description = "The smaller versions are not made (yet, or the image failed)")
    @Operation(summary = "Download a medium, or its `size` (thumbnail, medium, large) for an image",
               description = "Public media to every signed-in user; agent_only to the property's owner, manager "
                       + "and listing agent; private to its owner and manager; always to the uploader and admins.")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID propertyId, @PathVariable UUID mediaId,
                                                   @RequestParam(required = false) @OneOf(RenditionSize.class)
                                                   String size) {
        return downloads.serve(files.fileFor(gallery(propertyId), new MediaId(mediaId),
                                             size == null ? null : RenditionSize.fromWire(size), Callers.actor()),
                               true);
    }

    private static PropertyMediaId gallery(UUID propertyId) {
        return PropertyMediaId.of(new PropertyId(propertyId));
    }

    private static String path(PropertyId property, MediaId medium) {
        return "/api/properties/" + property + "/media/" + medium;
    }
}
