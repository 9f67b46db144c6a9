package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.StoredFile;
import io.alter8.api.media.ChangeMediaDetails;
import io.alter8.api.media.ChoosePrimaryMedia;
import io.alter8.api.media.CompleteMediaProcessing;
import io.alter8.api.media.DeleteMedia;
import io.alter8.api.media.FailMediaProcessing;
import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaProcessed;
import io.alter8.api.media.MediaProcessingFailed;
import io.alter8.api.media.MediaProcessingStarted;
import io.alter8.api.media.MediaProcessingStatus;
import io.alter8.api.media.MediaRendition;
import io.alter8.api.media.MediaReordered;
import io.alter8.api.media.MediaReviewed;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.MediaVerificationStatus;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.PrimaryMediaChosen;
import io.alter8.api.media.RenditionSize;
import io.alter8.api.media.ReorderMedia;
import io.alter8.api.media.ReviewMedia;
import io.alter8.api.media.RoomType;
import io.alter8.api.media.StartMediaProcessing;
import io.alter8.api.media.UploadMedia;
import io.alter8.api.user.Actor;
import io.alter8.api.user.Role;
import io.alter8.command.CommandArguments;
import io.alter8.command.DomainRuleViolation;
import io.alter8.command.NotFound;
import io.alter8.command.NotPermitted;
import io.alter8.command.document.DocumentEntities;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.alter8.command.CommandArguments.actor;
import static io.alter8.command.CommandArguments.now;
import static io.alter8.command.CommandArguments.required;
import static io.alter8.command.CommandArguments.text;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The photos, videos, 360 tours and floor plans of one property, as one aggregate: which one is the primary photo
 * (exactly one once the property has a public image, and always a public image), the display order, each medium's
 * visibility, review and the making of an image's smaller versions.
 * <p>
 * Who acts is the property's people, asked of the property each time ({@link DocumentEntities}): its owner, manager
 * and listing agent upload and arrange media; its owner and manager delete them, except what a field executive took
 * for a verification (its evidence), which only admins delete; a field executive uploads and reviews for a
 * verification of the property assigned to them ({@link MediaVerifications}); admins may do everything. Who sees a
 * medium follows its visibility; whoever may not see it is told it does not exist (404).
 * <pre>
 * medium: uploaded → (images) pending → processing → completed | failed;  review: pending → approved | rejected
 *         any state → deleted (gone from the media; its files deleted after, {@link WhenMediaDeletedThenDeleteFiles})
 * </pre>
 */
@Aggregate
class PropertyMedia {

    static final int MAX_MEDIA = 200;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final int MAX_REASON = 1000;

    @AggregateIdentifier
    private PropertyMediaId id;
    private PropertyId propertyId;
    /** In display order. */
    private final Map<MediaId, Medium> media = new LinkedHashMap<>();
    private MediaId primary;
    /** Media deleted: the background maker is told so, rather than that they never existed. */
    private final Set<MediaId> deleted = new HashSet<>();

    /** What the aggregate keeps of one medium. */
    static final class Medium {
        private final MediaKind kind;
        private final StoredFile file;
        private final UserId uploadedBy;
        private final VerificationId verificationId;
        private RoomType roomType;
        private List<String> tags;
        private MediaVisibility visibility;
        private MediaVerificationStatus verification = MediaVerificationStatus.PENDING;
        private MediaProcessingStatus processing;
        private int attempts;
        private final Map<RenditionSize, StoredFile> renditions = new EnumMap<>(RenditionSize.class);

        Medium(MediaUploaded event) {
            kind = event.kind();
            file = event.file();
            uploadedBy = event.uploadedBy();
            verificationId = event.verificationId();
            roomType = event.roomType();
            tags = event.tags();
            visibility = event.visibility();
            processing = event.processingStatus();
        }

        boolean publicImage() {
            return kind == MediaKind.IMAGE && visibility == MediaVisibility.PUBLIC;
        }

        // By value, so the fixture's check that commands change state only through events can compare media.
        @Override
        public boolean equals(Object other) {
            return other instanceof Medium m && kind == m.kind && file.equals(m.file)
                    && uploadedBy.equals(m.uploadedBy) && Objects.equals(verificationId, m.verificationId)
                    && roomType == m.roomType && tags.equals(m.tags)
                    && visibility == m.visibility && verification == m.verification && processing == m.processing
                    && attempts == m.attempts && renditions.equals(m.renditions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, file, uploadedBy, visibility, processing);
        }
    }

    PropertyMedia() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(UploadMedia command, DocumentEntities entities, MediaVerifications verifications) {
        Actor by = actor(command.requestedBy());
        PropertyId property = required(command.propertyId(), "propertyId");
        if (!PropertyMediaId.of(property).equals(command.propertyMediaId())) {
            throw new DomainRuleViolation("invalid-propertyMediaId", "the media of a property have the id made of it");
        }
        MediaId mediaId = required(command.mediaId(), "mediaId");
        MediaKind kind = required(command.kind(), "kind");
        StoredFile file = required(command.file(), "file");
        if (media.containsKey(mediaId) || deleted.contains(mediaId)) {
            // The file of this request is another one: refusing lets the caller's upload delete it.
            throw new DomainRuleViolation("media-exists", "medium " + mediaId + " exists already");
        }
        DocumentEntities.Members people = entities.membersOf(DocumentEntityType.PROPERTY, property.value())
                                                  .orElseThrow(() -> noProperty(property));
        requireUploader(by, people, property, command.verificationId(), verifications);
        if (media.size() >= MAX_MEDIA) {
            throw new DomainRuleViolation("too-many-media", "a property has at most " + MAX_MEDIA + " media");
        }
        MediaVisibility visibility = command.visibility() == null ? MediaVisibility.PUBLIC : command.visibility();
        boolean publicImage = kind == MediaKind.IMAGE && visibility == MediaVisibility.PUBLIC;
        boolean askedPrimary = Boolean.TRUE.equals(command.primary());
        if (askedPrimary && !publicImage) {
            throw new DomainRuleViolation("primary-not-public-image", "the primary photo is a public image");
        }
        MediaProcessingStatus processing = MediaRules.hasRenditions(file.mediaType())
                ? MediaProcessingStatus.PENDING : MediaProcessingStatus.COMPLETED;
        MediaId previous = primary;
        boolean makePrimary = askedPrimary || publicImage && primary == null;
        List<String> tags = CommandArguments.tags(command.tags(), MAX_TAGS, MAX_TAG);
        apply(new MediaUploaded(command.propertyMediaId(), property, mediaId, kind, file, command.width(),
                                command.height(), command.capture(), command.roomType(), tags, visibility,
                                makePrimary, media.size() + 1, command.verificationId(), by.userId(), now(),
                                processing));
        if (makePrimary && previous != null) {
            apply(new PrimaryMediaChosen(id, propertyId, mediaId, previous, by.userId()));
        }
    }

    @CommandHandler
    void handle(ChangeMediaDetails command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        Medium medium = editable(by, command.mediaId(), entities);
        RoomType room = command.roomType();
        List<String> tags = CommandArguments.tags(command.tags(), MAX_TAGS, MAX_TAG);
        MediaVisibility visibility = required(command.visibility(), "visibility");
        if (command.mediaId().equals(primary) && visibility != MediaVisibility.PUBLIC) {
            throw new DomainRuleViolation("primary-must-be-public", "the primary photo stays public; choose "
                    + "another primary photo first");
        }
        if (room == medium.roomType && tags.equals(medium.tags) && visibility == medium.visibility) {
            return;
        }
        apply(new MediaDetailsChanged(id, propertyId, command.mediaId(), room, tags, visibility, by.userId(), now()));
    }

    @CommandHandler
    void handle(ChoosePrimaryMedia command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        Medium medium = editable(by, command.mediaId(), entities);
        if (!medium.publicImage()) {
            throw new DomainRuleViolation("primary-not-public-image", "the primary photo is a public image");
        }
        if (command.mediaId().equals(primary)) {
            return;
        }
        apply(new PrimaryMediaChosen(id, propertyId, command.mediaId(), primary, by.userId()));
    }

    @CommandHandler
    void handle(ReorderMedia command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        requireEditor(by, members(entities));
        List<MediaId> order = required(command.order(), "order");
        if (order.size() != media.size() || !new HashSet<>(order).equals(media.keySet())) {
            throw new DomainRuleViolation("order-incomplete", "the order names every medium of the property once; "
                    + "it has " + media.size());
        }
        if (order.equals(new ArrayList<>(media.keySet()))) {
            return;
        }
        apply(new MediaReordered(id, propertyId, List.copyOf(order), by.userId()));
    }

    @CommandHandler
    void handle(ReviewMedia command, DocumentEntities entities, MediaVerifications verifications) {
        Actor by = actor(command.requestedBy());
        Medium medium = visible(by, command.mediaId(), members(entities));
        VerificationId verification = command.verificationId();
        if (!by.role().isAdmin()) {
            if (by.role() != Role.FIELD_EXECUTIVE || verification == null) {
                throw new NotPermitted("media are reviewed by admins, and by field executives for a verification "
                        + "of the property");
            }
            requireAssigned(by, propertyId, verification, verifications);
        }
        MediaVerificationStatus status = required(command.status(), "status");
        if (status == MediaVerificationStatus.PENDING) {
            throw new DomainRuleViolation("invalid-status", "a review approves or rejects");
        }
        String reason = text(command.reason());
        if (status == MediaVerificationStatus.REJECTED && reason == null) {
            throw new DomainRuleViolation("missing-reason", "a rejection says why");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new DomainRuleViolation("invalid-reason", "the reason has at most " + MAX_REASON + " characters");
        }
        if (status == medium.verification && status == MediaVerificationStatus.APPROVED) {
            return;
        }
        apply(new MediaReviewed(id, propertyId, command.mediaId(), status, reason, verification, by.userId(),
                                now()));
    }

    /**
     * Removes a medium: the property's owner and manager, and admins. What a field executive took for a verification
     * is its evidence, which the owner may not remove (an admin may). The primary photo passes to the next public
     * image in display order, if there is one; the others close up the order. Someone who may not see the medium
     * is told it does not exist.
     */
    @CommandHandler
    void handle(DeleteMedia command, DocumentEntities entities) {
        Actor by = actor(command.requestedBy());
        DocumentEntities.Members people = members(entities);
        MediaId mediaId = command.mediaId();
        Medium medium = visible(by, mediaId, people);
        if (!by.role().isAdmin()) {
            if (!people.writers().contains(by.userId())) {
                if (people.readers().contains(by.userId()) || by.is(medium.uploadedBy)) {
                    throw new NotPermitted("only the property's owner and manager delete its media");
                }
                throw new NotFound("no medium " + mediaId);
            }
            if (medium.verificationId != null) {
                throw new DomainRuleViolation("verification-evidence", "medium " + mediaId + " was taken for "
                        + "verification " + medium.verificationId + "; only an admin deletes it");
            }
        }
        Set<String> files = new HashSet<>(renditionFileIds(mediaId));
        files.add(medium.file.fileId());
        List<MediaId> order = media.keySet().stream().filter(m -> !m.equals(mediaId)).toList();
        boolean wasPrimary = mediaId.equals(primary);
        apply(new MediaDeleted(id, propertyId, mediaId, files.stream().sorted().toList(), order, by.userId(),
                               now()));
        if (wasPrimary) {
            media.entrySet().stream().filter(e -> e.getValue().publicImage()).map(Map.Entry::getKey).findFirst()
                 .ifPresent(next -> apply(new PrimaryMediaChosen(id, propertyId, next, mediaId, by.userId())));
        }
    }

    /**
     * The background maker takes an image up: pending, or still processing after a crash cut an attempt short (made
     * again from the start). Completed or failed, there is nothing to make: refused, so the maker stops there.
     */
    @CommandHandler
    void handle(StartMediaProcessing command) {
        if (deleted.contains(command.mediaId())) {
            throw new DomainRuleViolation("processed", "medium " + command.mediaId() + " is deleted");
        }
        Medium medium = medium(command.mediaId());
        if (medium.processing != MediaProcessingStatus.PENDING
                && medium.processing != MediaProcessingStatus.PROCESSING) {
            throw new DomainRuleViolation("processed", "medium " + command.mediaId() + " is "
                    + medium.processing.wire());
        }
        apply(new MediaProcessingStarted(id, propertyId, command.mediaId(), medium.attempts + 1, now()));
    }

    @CommandHandler
    void handle(CompleteMediaProcessing command) {
        requireNotDeleted(command.mediaId());
        Medium medium = medium(command.mediaId());
        if (medium.processing != MediaProcessingStatus.PROCESSING) {
            throw new DomainRuleViolation("not-processing", "medium " + command.mediaId() + " is "
                    + medium.processing.wire());
        }
        List<MediaRendition> renditions = required(command.renditions(), "renditions");
        if (renditions.stream().map(MediaRendition::size).distinct().count() != RenditionSize.values().length
                || renditions.size() != RenditionSize.values().length) {
            throw new DomainRuleViolation("invalid-renditions", "one rendition of each size");
        }
        apply(new MediaProcessed(id, propertyId, command.mediaId(), List.copyOf(renditions), now()));
    }

    @CommandHandler
    void handle(FailMediaProcessing command) {
        requireNotDeleted(command.mediaId());
        Medium medium = medium(command.mediaId());
        if (medium.processing != MediaProcessingStatus.PROCESSING) {
            throw new DomainRuleViolation("not-processing", "medium " + command.mediaId() + " is "
                    + medium.processing.wire());
        }
        String reason = Objects.requireNonNullElse(text(command.reason()), "unknown");
        apply(new MediaProcessingFailed(id, propertyId, command.mediaId(),
                                        reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason,
                                        now()));
    }

    // ------------------------------------------------------------------------------------------------- questions

    /**
     * The file {@code by} downloads: the medium as uploaded ({@code size} null) or one of its smaller versions.
     * Whoever may not see the medium is told it does not exist.
     */
    StoredFile fileFor(MediaId mediaId, RenditionSize size, Actor by, DocumentEntities entities) {
        Medium medium = visible(by, mediaId, members(entities));
        if (size == null) {
            return medium.file;
        }
        if (!MediaRules.hasRenditions(medium.file.mediaType())) {
            throw new NotFound("medium " + mediaId + " is not an image and has no " + size.wire());
        }
        StoredFile rendition = medium.renditions.get(size);
        if (rendition == null) {
            throw new DomainRuleViolation("not-processed", "the smaller versions of medium " + mediaId + " are "
                    + medium.processing.wire());
        }
        return rendition;
    }

    /** The ids of the property's media, for a verification report that names some. */
    Set<MediaId> mediaIds() {
        return Set.copyOf(media.keySet());
    }

    /** Every file the media hold, for the sweep of files no one holds. */
    Set<String> fileIds() {
        Set<String> ids = new HashSet<>();
        media.values().forEach(medium -> {
            ids.add(medium.file.fileId());
            medium.renditions.values().forEach(file -> ids.add(file.fileId()));
        });
        return ids;
    }

    /** The file ids of one medium's smaller versions. */
    Set<String> renditionFileIds(MediaId mediaId) {
        Medium medium = media.get(mediaId);
        Set<String> ids = new HashSet<>();
        if (medium != null) {
            medium.renditions.values().forEach(file -> ids.add(file.fileId()));
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------------ access

    private void requireUploader(Actor by, DocumentEntities.Members people, PropertyId property,
                                 VerificationId verification, MediaVerifications verifications) {
        if (verification != null) {
            requireAssigned(by, property, verification, verifications);
            return;
        }
        if (by.role().isAdmin() || people.writers().contains(by.userId())
                || people.readers().contains(by.userId())) {
            return;
        }
        if (by.role() == Role.FIELD_EXECUTIVE) {
            throw new NotPermitted("a field executive uploads media for a verification assigned to them");
        }
        // Someone who is none of its people learns nothing of it.
        throw noProperty(property);
    }

    private static void requireAssigned(Actor by, PropertyId property, VerificationId verification,
                                        MediaVerifications verifications) {
        MediaVerifications.Assignment assignment = verifications.of(verification)
                .orElseThrow(() -> new NotFound("no verification " + verification));
        if (!assignment.propertyId().equals(property)) {
            throw new DomainRuleViolation("verification-of-another-property",
                                          "verification " + verification + " is of another property");
        }
        if (!by.role().isAdmin() && !(by.role() == Role.FIELD_EXECUTIVE && by.is(assignment.fieldExecutiveId()))) {
            throw new NotPermitted("only the verification's field executive acts for it");
        }
        if (!assignment.open()) {
            throw new DomainRuleViolation("verification-final", "verification " + verification + " is closed");
        }
    }

    /** A medium {@code by} may see and change: the property's people, its uploader and admins. */
    private Medium editable(Actor by, MediaId mediaId, DocumentEntities entities) {
        DocumentEntities.Members people = members(entities);
        Medium medium = visible(by, mediaId, people);
        if (!by.is(medium.uploadedBy)) {
            requireEditor(by, people);
        }
        return medium;
    }

    private void requireEditor(Actor by, DocumentEntities.Members people) {
        if (by.role().isAdmin() || people.writers().contains(by.userId())
                || people.readers().contains(by.userId())) {
            return;
        }
        if (media.values().stream().anyMatch(m -> by.is(m.uploadedBy))) {
            throw new NotPermitted("only the property's owner, manager and listing agent arrange its media");
        }
        throw noProperty(propertyId);
    }

    private Medium visible(Actor by, MediaId mediaId, DocumentEntities.Members people) {
        Medium medium = media.get(required(mediaId, "mediaId"));
        if (medium == null || !sees(by, medium, people)) {
            throw new NotFound("no medium " + mediaId);
        }
        return medium;
    }

    /** Visibility: public to every signed-in user; agent_only to the property's people; private to its writers. */
    private static boolean sees(Actor by, Medium medium, DocumentEntities.Members people) {
        UserId user = by.userId();
        return by.role().isAdmin() || user.equals(medium.uploadedBy)
                || switch (medium.visibility) {
                    case PUBLIC -> true;
                    case AGENT_ONLY -> people.writers().contains(user) || people.readers().contains(user);
                    case PRIVATE -> people.writers().contains(user);
                };
    }

    /** The property's people now; a property that is gone leaves the uploaders and admins. */
    private DocumentEntities.Members members(DocumentEntities entities) {
        return entities.membersOf(DocumentEntityType.PROPERTY, propertyId.value())
                       .orElseGet(() -> new DocumentEntities.Members(Set.of(), Set.of(), Set.of()));
    }

    /** Deleted while its smaller versions were being made: the maker deletes what it made. */
    private void requireNotDeleted(MediaId mediaId) {
        if (deleted.contains(mediaId)) {
            throw new DomainRuleViolation("deleted", "medium " + mediaId + " is deleted");
        }
    }

    private Medium medium(MediaId mediaId) {
        Medium medium = media.get(required(mediaId, "mediaId"));
        if (medium == null) {
            throw new NotFound("no medium " + mediaId);
        }
        return medium;
    }

    private static NotFound noProperty(PropertyId property) {
        return new NotFound("no property " + property);
    }

    // ------------------------------------------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(MediaUploaded event) {
        id = event.propertyMediaId();
        propertyId = event.propertyId();
        media.put(event.mediaId(), new Medium(event));
        if (event.primary()) {
            primary = event.mediaId();
        }
    }

    @EventSourcingHandler
    void on(MediaDetailsChanged event) {
        Medium medium = media.get(event.mediaId());
        medium.roomType = event.roomType();
        medium.tags = event.tags();
        medium.visibility = event.visibility();
    }

    @EventSourcingHandler
    void on(PrimaryMediaChosen event) {
        primary = event.mediaId();
    }

    @EventSourcingHandler
    void on(MediaReordered event) {
        Map<MediaId, Medium> reordered = new LinkedHashMap<>();
        event.order().forEach(mediaId -> reordered.put(mediaId, media.get(mediaId)));
        media.clear();
        media.putAll(reordered);
    }

    @EventSourcingHandler
    void on(MediaReviewed event) {
        media.get(event.mediaId()).verification = event.status();
    }

    @EventSourcingHandler
    void on(MediaDeleted event) {
        media.remove(event.mediaId());
        deleted.add(event.mediaId());
        if (event.mediaId().equals(primary)) {
            primary = null;
        }
    }

    @EventSourcingHandler
    void on(MediaProcessingStarted event) {
        Medium medium = media.get(event.mediaId());
        medium.processing = MediaProcessingStatus.PROCESSING;
        medium.attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(MediaProcessed event) {
        Medium medium = media.get(event.mediaId());
        medium.processing = MediaProcessingStatus.COMPLETED;
        event.renditions().forEach(r -> medium.renditions.put(r.size(), r.file()));
    }

    @EventSourcingHandler
    void on(MediaProcessingFailed event) {
        media.get(event.mediaId()).processing = MediaProcessingStatus.FAILED;
    }
}
