package io.alter8.query.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.common.UserId;
import io.alter8.api.common.VerificationId;
import io.alter8.api.document.StoredFile;
import io.alter8.api.media.CaptureInfo;
import io.alter8.api.media.MediaDeleted;
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
import io.alter8.api.media.RoomType;
import io.alter8.api.property.ListingAgentChanged;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.property.TestEvents;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property media view in MongoDB over HTTP: a property's media in display order with the primary photo, review
 * and processing as the events left them; who sees which medium by its visibility; the same events twice or late
 * give the same documents; a deleted medium leaves the view for good; a replay rebuilds them identically.
 */
@QuerySideTest
class PropertyMediaQueryApiTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    PropertyMediaProjector projector;
    @Autowired
    MongoTemplate mongo;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final UUID agent = UUID.randomUUID();
    final UUID executive = UUID.randomUUID();
    final TestEvents.Listing listing = new TestEvents.Listing().owner(owner);
    final PropertyId property = new PropertyId(listing.id);
    final PropertyMediaId gallery = PropertyMediaId.of(property);
    final MediaId hall = MediaId.random();
    final MediaId bedroom = MediaId.random();
    final MediaId plan = MediaId.random();
    final MediaId walk = MediaId.random();
    final VerificationId verification = VerificationId.random();

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    MediaUploaded uploaded(MediaId id, MediaKind kind, String mediaType, MediaVisibility visibility, boolean primary,
                           int order, UUID by, VerificationId verifiedFor) {
        boolean image = mediaType.startsWith("image/");
        return new MediaUploaded(gallery, property, id, kind, new StoredFile("f-" + id, "file", 2048, mediaType, "aa",
                                                                            null),
                                 image ? 1600 : null, image ? 1200 : null,
                                 image ? new CaptureInfo("Apple", "iPhone 14", T0.minusSeconds(3600), 12.97, 77.59)
                                         : CaptureInfo.NONE,
                                 RoomType.LIVING_ROOM, List.of("spacious"), visibility, primary, order, verifiedFor,
                                 new UserId(by), T0.plusSeconds(order),
                                 image ? MediaProcessingStatus.PENDING : MediaProcessingStatus.COMPLETED);
    }

    List<MediaRendition> renditions() {
        return Arrays.stream(RenditionSize.values()).map(size -> new MediaRendition(
                size, new StoredFile("r-" + size.wire(), size.wire() + ".jpg", 100, "image/jpeg", "cc", null), 10, 10))
                     .toList();
    }

    /** A gallery's life: four media, the primary photo moved, reordered, one rejected, one failing to process. */
    List<Object> history() {
        return List.of(
                uploaded(hall, MediaKind.IMAGE, "image/jpeg", MediaVisibility.PUBLIC, true, 1, owner, null),
                new MediaProcessingStarted(gallery, property, hall, 1, T0.plusSeconds(10)),
                new MediaProcessed(gallery, property, hall, renditions(), T0.plusSeconds(11)),
                uploaded(bedroom, MediaKind.IMAGE, "image/png", MediaVisibility.PUBLIC, false, 2, agent, null),
                uploaded(plan, MediaKind.FLOOR_PLAN, "application/pdf", MediaVisibility.PRIVATE, false, 3, owner,
                         null),
                uploaded(walk, MediaKind.VIDEO, "video/mp4", MediaVisibility.AGENT_ONLY, false, 4, executive,
                         verification),
                new PrimaryMediaChosen(gallery, property, bedroom, hall, new UserId(owner)),
                new MediaReordered(gallery, property, List.of(walk, plan, bedroom, hall), new UserId(owner)),
                new MediaReviewed(gallery, property, hall, MediaVerificationStatus.REJECTED, "blurred", verification,
                                  new UserId(executive), T0.plusSeconds(60)),
                new MediaProcessingStarted(gallery, property, bedroom, 1, T0.plusSeconds(12)),
                new MediaProcessingFailed(gallery, property, bedroom, "the image is corrupt: Bogus marker length",
                                          T0.plusSeconds(13)));
    }

    /** The published listing with its agent, then the gallery; answers the position of the last event. */
    String appendAll() {
        listing.publish(store);
        listing.append(store, new ListingAgentChanged(property, null, new UserId(agent), new UserId(owner)));
        List<Object> events = history();
        long position = 0;
        for (int i = 0; i < events.size(); i++) {
            position = store.append("PropertyMedia", gallery.value(), i, events.get(i));
        }
        return Long.toString(position);
    }

    List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    String path() {
        return "/api/properties/" + property + "/media";
    }

    @Test
    void thePropertysMediaComeInDisplayOrderWithThePrimaryPhotoReviewAndProcessing() {
        String position = appendAll();
        Response r = as(owner, "owner").get(path(), "X-Await-Position", position);
        assertThat(ids(r)).containsExactly(walk.toString(), plan.toString(), bedroom.toString(), hall.toString());
        JsonNode media = r.json();
        assertThat(media.get(2).path("isPrimary").asBoolean()).isTrue();
        assertThat(media.get(3).path("isPrimary").asBoolean()).isFalse();
        assertThat(media.get(0).path("displayOrder").asInt()).isEqualTo(1);
        JsonNode first = media.get(3);
        assertThat(first.path("processingStatus").asString()).isEqualTo("completed");
        assertThat(first.path("thumbnailUrl").asString())
                .isEqualTo("/api/properties/" + property + "/media/" + hall + "/content?size=thumbnail");
        assertThat(first.path("processedVersions").path("large").asString()).endsWith("?size=large");
        assertThat(first.path("verificationStatus").asString()).isEqualTo("rejected");
        assertThat(first.path("rejectionReason").asString()).isEqualTo("blurred");
        assertThat(first.path("capture").path("cameraMake").asString()).isEqualTo("Apple");
        assertThat(first.path("capture").path("latitude").asDouble()).isEqualTo(12.97);
        assertThat(first.path("width").asInt()).isEqualTo(1600);
        JsonNode failed = media.get(2);
        assertThat(failed.path("processingStatus").asString()).isEqualTo("failed");
        assertThat(failed.path("processingError").asString()).contains("corrupt");
        assertThat(media.get(0).path("mediaType").asString()).isEqualTo("video");
        assertThat(media.get(0).path("verificationId").asString()).isEqualTo(verification.toString());

        Response one = as(owner, "owner").get(path() + "/" + hall);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).isEqualTo("\"8\"");
    }

    @Test
    void eachCallerSeesTheMediaTheirVisibilityGivesThemAndOtherMediaAreUnknown() {
        String position = appendAll();
        assertThat(ids(as(agent, "agent").get(path(), "X-Await-Position", position)))
                .containsExactly(walk.toString(), bedroom.toString(), hall.toString());
        assertThat(ids(as(UUID.randomUUID(), "tenant").get(path())))
                .containsExactly(bedroom.toString(), hall.toString());
        assertThat(ids(as(executive, "field_executive").get(path())))
                .as("the uploader sees their own").containsExactly(walk.toString(), bedroom.toString(),
                                                                    hall.toString());
        assertThat(ids(as(UUID.randomUUID(), "admin").get(path()))).hasSize(4);
        assertThat(as(UUID.randomUUID(), "tenant").get(path() + "/" + plan).status()).isEqualTo(404);
        assertThat(as(agent, "agent").get(path() + "/" + plan).status()).isEqualTo(404);
        assertThat(as(owner, "owner").get(path() + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(as(owner, "owner").get("/api/properties/" + UUID.randomUUID() + "/media").status())
                .isEqualTo(404);
        assertThat(new ApiClient("http://localhost:" + port).get(path()).status()).isEqualTo(401);
        assertThat(as(UUID.randomUUID(), "analyst").get(path()).status()).isEqualTo(403);
    }

    @Test
    void aPropertyNotListedPubliclyHidesItsMediaFromOutsiders() {
        TestEvents.Listing draft = new TestEvents.Listing().owner(owner);
        PropertyMediaId theirs = PropertyMediaId.of(new PropertyId(draft.id));
        draft.append(store, draft.registered());
        String position = Long.toString(store.append("PropertyMedia", theirs.value(), 0, new MediaUploaded(
                theirs, new PropertyId(draft.id), MediaId.random(), MediaKind.IMAGE,
                new StoredFile("f", "a.jpg", 1, "image/jpeg", "aa", null), 1, 1, CaptureInfo.NONE, null, List.of(),
                MediaVisibility.PUBLIC, true, 1, null, new UserId(owner), T0, MediaProcessingStatus.PENDING)));
        String media = "/api/properties/" + draft.id + "/media";
        assertThat(ids(as(owner, "owner").get(media, "X-Await-Position", position))).hasSize(1);
        assertThat(as(UUID.randomUUID(), "tenant").get(media).status()).isEqualTo(404);
    }

    @Test
    void theSameEventsTwiceOrLateGiveTheSameDocuments() {
        List<Object> events = history();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < events.size(); i++) {
                apply(events.get(i), i);
            }
        }
        List<Document> once = stored();
        apply(events.get(0), 0);
        apply(events.get(6), 6);
        apply(events.get(2), 2);
        assertThat(stored()).isEqualTo(once);
        assertThat(once).hasSize(4);
        assertThat(once.stream().filter(d -> d.getBoolean("isPrimary")).map(d -> d.getString("_id")))
                .containsExactly(bedroom.toString());
    }

    @Test
    void aDeletedMediumIsUnknownTheOthersCloseUpTheOrderAndALateEventDoesNotBringItBack() {
        String position = appendAll();
        int next = history().size();
        // The primary photo (bedroom) deleted; the aggregate passes it to the next public image.
        store.append("PropertyMedia", gallery.value(), next, new MediaDeleted(
                gallery, property, bedroom, List.of("f-" + bedroom), List.of(walk, plan, hall), new UserId(owner),
                T0.plusSeconds(120)));
        position = Long.toString(store.append("PropertyMedia", gallery.value(), next + 1, new PrimaryMediaChosen(
                gallery, property, hall, bedroom, new UserId(owner))));

        Response r = as(owner, "owner").get(path(), "X-Await-Position", position);
        assertThat(ids(r)).containsExactly(walk.toString(), plan.toString(), hall.toString());
        assertThat(r.json().valueStream().map(m -> m.path("displayOrder").asInt())).containsExactly(1, 2, 3);
        assertThat(r.json().get(2).path("isPrimary").asBoolean()).isTrue();
        assertThat(as(owner, "owner").get(path() + "/" + bedroom).status()).isEqualTo(404);
        assertThat(ids(as(UUID.randomUUID(), "admin").get(path()))).hasSize(3);
        assertThat(ids(as(agent, "agent").get(path()))).as("its uploader no longer sees it either")
                                                       .doesNotContain(bedroom.toString());

        Document marker = mongo.getCollection(PropertyMediaProjector.COLLECTION)
                               .find(new Document("_id", bedroom.toString())).first();
        assertThat(marker).isNotNull();
        assertThat(marker.getBoolean("deleted")).isTrue();
        assertThat(marker.getString("deletedBy")).isEqualTo(owner.toString());
        assertThat(marker).doesNotContainKeys("originalFilename", "fileUrl", "cameraInfo");

        List<Document> before = stored();
        apply(history().get(3), 3);
        apply(new MediaProcessingStarted(gallery, property, bedroom, 1, T0.plusSeconds(12)), 9);
        assertThat(stored()).as("older events of the deleted medium change nothing").isEqualTo(before);
    }

    @Test
    void aReplayRebuildsTheViewIdentically() {
        String head = appendAll();
        ApiClient admin = as(UUID.randomUUID(), "admin");
        assertThat(ids(admin.get(path(), "X-Await-Position", head))).hasSize(4);
        List<Document> before = stored();

        Rebuilds.rebuild(admin, PropertyMediaProjector.PROCESSING_GROUP, head);

        assertThat(stored()).isEqualTo(before);
    }

    private List<Document> stored() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(PropertyMediaProjector.COLLECTION)
             .find(new Document("propertyId", property.toString())).sort(new Document("_id", 1))
             .forEach(documents::add);
        return documents;
    }

    private void apply(Object event, long sequence) {
        if (event instanceof MediaUploaded e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaProcessingStarted e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaProcessed e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaProcessingFailed e) {
            projector.on(e, sequence);
        } else if (event instanceof PrimaryMediaChosen e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaReordered e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaReviewed e) {
            projector.on(e, sequence);
        } else if (event instanceof MediaDeleted e) {
            projector.on(e, sequence);
        } else {
            throw new IllegalArgumentException(event.getClass().getName());
        }
    }
}
