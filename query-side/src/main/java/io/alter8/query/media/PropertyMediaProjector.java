package io.alter8.query.media;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.alter8.api.common.MediaId;
import io.alter8.api.media.CaptureInfo;
import io.alter8.api.media.MediaDeleted;
import io.alter8.api.media.MediaDetailsChanged;
import io.alter8.api.media.MediaProcessed;
import io.alter8.api.media.MediaProcessingFailed;
import io.alter8.api.media.MediaProcessingStarted;
import io.alter8.api.media.MediaRendition;
import io.alter8.api.media.MediaReordered;
import io.alter8.api.media.MediaReviewed;
import io.alter8.api.media.MediaUploaded;
import io.alter8.api.media.MediaVerificationStatus;
import io.alter8.api.media.PrimaryMediaChosen;
import io.alter8.query.mongo.SequencedDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The property media view in MongoDB (collection {@code property_media}, one document per medium, keyed by its id,
 * fields as the media collection names them). MongoDB cannot commit with the processor's token, so every write is
 * guarded by the sequence of the property's media events: it applies only while the medium's {@code sequence} is
 * below the event's, so an event delivered again, or late, changes nothing. An event about several media (the
 * primary photo, the order) writes each of them under that guard; values are set as the events carry them, never
 * counted up. A deleted medium leaves a marker document, which the queries leave out.
 */
@Component
@ProcessingGroup(PropertyMediaProjector.PROCESSING_GROUP)
class PropertyMediaProjector {

    static final String PROCESSING_GROUP = "property-media";
    static final String COLLECTION = "property_media";
    /** Marks a deleted medium's document, which queries leave out. */
    static final String DELETED = "deleted";

    private final MongoTemplate mongo;

    PropertyMediaProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The media of a property in display order, its primary photo, and the review and processing queues. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        MongoCollection<Document> media = collection();
        media.createIndex(Indexes.ascending("propertyId", "displayOrder"));
        media.createIndex(Indexes.ascending("propertyId", "isPrimary"));
        media.createIndex(Indexes.ascending("mediaType"));
        media.createIndex(Indexes.ascending("verificationStatus"));
        media.createIndex(Indexes.ascending("processingStatus"));
        media.createIndex(Indexes.ascending("capturedBy"));
    }

    @EventHandler
    void on(MediaUploaded event, @SequenceNumber long sequence) {
        Date at = Date.from(event.uploadedAt());
        CaptureInfo capture = event.capture() == null ? CaptureInfo.NONE : event.capture();
        String path = path(event.propertyId().toString(), event.mediaId().toString());
        Document view = new Document("_id", event.mediaId().toString())
                .append("propertyId", event.propertyId().toString())
                .append("mediaType", event.kind().wire())
                .append("fileUrl", path)
                .append("originalFilename", event.file().fileName())
                .append("fileSize", event.file().size())
                .append("mimeType", event.file().mediaType())
                .append("dimensions", event.width() == null ? null
                        : new Document("width", event.width()).append("height", event.height()))
                .append("capturedAt", Date.from(capture.takenAt() == null ? event.uploadedAt() : capture.takenAt()))
                .append("capturedBy", event.uploadedBy().toString())
                .append("cameraInfo", new Document("make", capture.cameraMake()).append("model", capture.cameraModel())
                        .append("takenAt", capture.takenAt() == null ? null : Date.from(capture.takenAt()))
                        .append("location", capture.latitude() == null ? null
                                : new Document("latitude", capture.latitude())
                                        .append("longitude", capture.longitude())))
                .append("roomType", event.roomType() == null ? null : event.roomType().wire())
                .append("tags", event.tags())
                .append("isPrimary", event.primary())
                .append("displayOrder", event.displayOrder())
                .append("isVerified", false)
                .append("verificationStatus", MediaVerificationStatus.PENDING.wire())
                .append("verificationId", event.verificationId() == null ? null : event.verificationId().toString())
                .append("processingStatus", event.processingStatus().wire())
                .append("processedVersions", new Document())
                .append("visibility", event.visibility().wire())
                .append("createdAt", at)
                .append("updatedAt", at)
                .append("sequence", sequence);
        new SequencedDocuments(collection()).replace(view);
    }

    @EventHandler
    void on(MediaDetailsChanged event, @SequenceNumber long sequence) {
        update(event.mediaId(), sequence, event.changedAt(), List.of(
                Updates.set("roomType", event.roomType() == null ? null : event.roomType().wire()),
                Updates.set("tags", event.tags()), Updates.set("visibility", event.visibility().wire())));
    }

    @EventHandler
    void on(PrimaryMediaChosen event, @SequenceNumber long sequence) {
        update(event.mediaId(), sequence, null, List.of(Updates.set("isPrimary", true)));
        if (event.previous() != null) {
            update(event.previous(), sequence, null, List.of(Updates.set("isPrimary", false)));
        }
    }

    @EventHandler
    void on(MediaReordered event, @SequenceNumber long sequence) {
        for (int i = 0; i < event.order().size(); i++) {
            update(event.order().get(i), sequence, null, List.of(Updates.set("displayOrder", i + 1)));
        }
    }

    /**
     * A deleted medium stays as a marker (id, property, when, by whom, its sequence) so that an older event
     * delivered late cannot bring it back; the media left close up their display order.
     */
    @EventHandler
    void on(MediaDeleted event, @SequenceNumber long sequence) {
        Date at = Date.from(event.deletedAt());
        new SequencedDocuments(collection()).replace(new Document("_id", event.mediaId().toString())
                .append("propertyId", event.propertyId().toString())
                .append(DELETED, true)
                .append("deletedBy", event.deletedBy().toString())
                .append("deletedAt", at)
                .append("updatedAt", at)
                .append("sequence", sequence));
        for (int i = 0; i < event.order().size(); i++) {
            update(event.order().get(i), sequence, null, List.of(Updates.set("displayOrder", i + 1)));
        }
    }

    @EventHandler
    void on(MediaReviewed event, @SequenceNumber long sequence) {
        update(event.mediaId(), sequence, event.reviewedAt(), List.of(
                Updates.set("verificationStatus", event.status().wire()),
                Updates.set("isVerified", event.status() == MediaVerificationStatus.APPROVED),
                Updates.set("rejectionReason", event.reason()),
                Updates.set("verifiedBy", event.reviewedBy().toString()),
                Updates.set("verifiedAt", Date.from(event.reviewedAt()))));
    }

    @EventHandler
    void on(MediaProcessingStarted event, @SequenceNumber long sequence) {
        update(event.mediaId(), sequence, event.startedAt(), List.of(Updates.set("processingStatus", "processing")));
    }

    @EventHandler
    void on(MediaProcessed event, @SequenceNumber long sequence) {
        String path = path(event.propertyId().toString(), event.mediaId().toString());
        Document versions = new Document();
        for (MediaRendition rendition : event.renditions()) {
            versions.append(rendition.size().wire(), path + "?size=" + rendition.size().wire());
        }
        update(event.mediaId(), sequence, event.processedAt(), List.of(
                Updates.set("processingStatus", "completed"), Updates.set("processedVersions", versions),
                Updates.set("thumbnailUrl", versions.getString("thumbnail")), Updates.unset("processingError")));
    }

    @EventHandler
    void on(MediaProcessingFailed event, @SequenceNumber long sequence) {
        update(event.mediaId(), sequence, event.failedAt(), List.of(
                Updates.set("processingStatus", "failed"), Updates.set("processingError", event.reason())));
    }

    @ResetHandler
    void dropAll() {
        collection().deleteMany(new Document());
    }

    /** Where the command side serves a medium's bytes. */
    static String path(String property, String medium) {
        return "/api/properties/" + property + "/media/" + medium + "/content";
    }

    private void update(MediaId id, long sequence, Instant at, List<Bson> updates) {
        new SequencedDocuments(collection()).update(id.toString(), sequence, at, updates);
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
