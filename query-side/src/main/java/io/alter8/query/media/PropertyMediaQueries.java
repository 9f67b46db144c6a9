package io.alter8.query.media;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.media.CaptureInfo;
import io.alter8.api.media.MediaKind;
import io.alter8.api.media.MediaProcessingStatus;
import io.alter8.api.media.MediaVerificationStatus;
import io.alter8.api.media.MediaView;
import io.alter8.api.media.MediaVisibility;
import io.alter8.api.media.RoomType;
import io.alter8.query.property.PropertyAccess;
import io.alter8.web.security.CurrentUser;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.alter8.query.mongo.MongoFields.instant;
import static io.alter8.query.mongo.MongoFields.number;
import static io.alter8.query.mongo.MongoFields.user;

/**
 * Reads the property media view. Who sees a medium mirrors who may download it: admins every one; the property's
 * owner and manager all of its media; its listing agent the public and agent_only ones; everyone else the public
 * ones; and every uploader their own.
 */
@Component
class PropertyMediaQueries {

    static final String[] SEE_ALL = {"admin", "super_admin"};

    private final MongoTemplate mongo;

    PropertyMediaQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The media of a property the caller may see, in display order. */
    List<MediaView> ofProperty(UUID property, PropertyAccess access, CurrentUser caller) {
        List<MediaView> media = new ArrayList<>();
        mongo.getCollection(PropertyMediaProjector.COLLECTION)
             .find(Filters.and(Filters.eq("propertyId", property.toString()), visibleTo(access, caller)))
             .sort(Sorts.ascending("displayOrder", "_id"))
             .forEach(document -> media.add(view(document)));
        return media;
    }

    /** One medium of the property, if the caller may see it. */
    Optional<MediaView> find(UUID property, UUID medium, PropertyAccess access, CurrentUser caller) {
        Document found = mongo.getCollection(PropertyMediaProjector.COLLECTION)
                              .find(Filters.and(Filters.eq("_id", medium.toString()),
                                                Filters.eq("propertyId", property.toString()),
                                                visibleTo(access, caller))).first();
        return Optional.ofNullable(found).map(PropertyMediaQueries::view);
    }

    /** The media not deleted that the caller may see. */
    private static Bson visibleTo(PropertyAccess access, CurrentUser caller) {
        Bson present = Filters.ne(PropertyMediaProjector.DELETED, true);
        UUID me = caller.id();
        if (caller.hasAnyRole(SEE_ALL) || me.equals(access.owner()) || me.equals(access.manager())) {
            return present;
        }
        List<String> levels = me.equals(access.agent())
                ? List.of(MediaVisibility.PUBLIC.wire(), MediaVisibility.AGENT_ONLY.wire())
                : List.of(MediaVisibility.PUBLIC.wire());
        return Filters.and(present, Filters.or(Filters.in("visibility", levels),
                                               Filters.eq("capturedBy", me.toString())));
    }

    static MediaView view(Document d) {
        Document dimensions = d.get("dimensions", Document.class);
        Document camera = d.get("cameraInfo", Document.class);
        Document location = camera == null ? null : camera.get("location", Document.class);
        CaptureInfo capture = camera == null ? CaptureInfo.NONE
                : new CaptureInfo(camera.getString("make"), camera.getString("model"),
                                  instant(camera.getDate("takenAt")),
                                  location == null ? null : location.getDouble("latitude"),
                                  location == null ? null : location.getDouble("longitude"));
        Map<String, String> versions = new LinkedHashMap<>();
        Document processed = d.get("processedVersions", Document.class);
        if (processed != null) {
            processed.forEach((size, url) -> versions.put(size, (String) url));
        }
        return new MediaView(MediaId.of(d.getString("_id")), PropertyId.of(d.getString("propertyId")),
                             MediaKind.fromWire(d.getString("mediaType")), d.getString("fileUrl"),
                             d.getString("thumbnailUrl"), d.getString("originalFilename"), number(d, "fileSize"),
                             d.getString("mimeType"), dimensions == null ? null : dimensions.getInteger("width"),
                             dimensions == null ? null : dimensions.getInteger("height"),
                             instant(d.getDate("capturedAt")), user(d.getString("capturedBy")), capture,
                             d.getString("roomType") == null ? null : RoomType.fromWire(d.getString("roomType")),
                             d.getList("tags", String.class), Boolean.TRUE.equals(d.getBoolean("isPrimary")),
                             d.getInteger("displayOrder", 0), Boolean.TRUE.equals(d.getBoolean("isVerified")),
                             MediaVerificationStatus.fromWire(d.getString("verificationStatus")),
                             d.getString("rejectionReason"), user(d.getString("verifiedBy")),
                             instant(d.getDate("verifiedAt")),
                             d.getString("verificationId") == null ? null
                                     : VerificationId.of(d.getString("verificationId")),
                             MediaProcessingStatus.fromWire(d.getString("processingStatus")),
                             d.getString("processingError"), versions,
                             MediaVisibility.fromWire(d.getString("visibility")), instant(d.getDate("createdAt")),
                             instant(d.getDate("updatedAt")), number(d, "sequence"));
    }
}
