package io.alter8.command.media;

import io.alter8.api.common.MediaId;
import io.alter8.api.common.PropertyId;
import io.alter8.api.common.PropertyMediaId;
import io.alter8.api.media.StartMediaProcessing;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.document.DocumentFiles;
import io.alter8.command.document.TestFiles;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Download;
import io.alter8.infra.stack.ApiClient.Part;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property media over HTTP on the embedded stack: uploads with EXIF read, every per-kind limit (none of which leaves
 * a file or an event behind), the smaller versions made in the background from a real JPEG (turned upright as its
 * EXIF orientation says), a corrupt JPEG failing
 * with its reason, a crashed attempt made again without duplicates, visibility on downloads, the primary photo, the
 * display order, reviews and deletion, with 400, 401, 403, 404, 409 and 412.
 */
@CommandSideTest
class MediaCommandApiTest {

    static final String FILES = "document_files.files";
    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CommandGateway commands;
    @Autowired
    DocumentFiles files;
    @Autowired
    EventProcessingConfiguration processing;
    ApiClient anonymous;
    ApiClient admin;
    ApiClient owner;
    ApiClient tenant;
    String property;
    String base;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        owner = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        tenant = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "tenant"));
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        property = created.json().path("id").asString();
        base = "/api/properties/" + property + "/media";
    }

    static List<Part> form(String kind, Part file, String... fields) {
        List<Part> parts = new ArrayList<>(List.of(Part.field("kind", kind)));
        for (int i = 0; i < fields.length; i += 2) {
            parts.add(Part.field(fields[i], fields[i + 1]));
        }
        parts.add(file);
        return parts;
    }

    static Part jpeg(byte[] bytes) {
        return Part.file("file", "hall.jpg", "image/jpeg", bytes);
    }

    String uploaded(ApiClient as, List<Part> parts) {
        Response r = as.postMultipart(base, parts);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    String gallery() {
        return PropertyMediaId.of(PropertyId.of(property)).toString();
    }

    /** The files stored for this property's media (other tests' background work adds to the whole bucket). */
    long storedFiles() {
        return mongo.getCollection(FILES).countDocuments(new org.bson.Document("metadata.holderId", gallery()));
    }

    /** Waits until the background maker is done with {@code images} images, so versions stop moving. */
    void processed(int images) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                eventTypes().stream().filter(type -> type.equals("MediaProcessed")
                        || type.equals("MediaProcessingFailed")).count()).isEqualTo(images));
    }

    long filesOf(String medium) {
        return mongo.getCollection(FILES).countDocuments(new org.bson.Document("metadata.part", medium));
    }

    List<String> eventTypes() {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, gallery())
                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    String lastPayload(String type) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                           + "aggregate_identifier = ? AND payload_type LIKE ? "
                                           + "ORDER BY sequence_number DESC LIMIT 1",
                                   String.class, gallery(), "%." + type);
    }

    String etag() {
        return "\"" + jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE "
                                                  + "aggregate_identifier = ?", Long.class, gallery()) + "\"";
    }

    static BufferedImage image(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void aPhotoWithExifIsStoredWithItsCaptureAndGetsItsThreeSmallerVersionsInTheBackground() throws IOException {
        byte[] photo = MediaTestFiles.photoWithExif(2000, 1500);
        Response r = owner.postMultipart(base, form("image", jpeg(photo), "roomType", "living_room", "tags",
                                                    "spacious", "tags", "natural_light"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(r.header("Location")).isEqualTo("http://query.test" + base + "/" + id);
        assertThat(r.json().path("version").asLong()).isZero();

        String upload = lastPayload("MediaUploaded");
        assertThat(upload).contains("\"cameraMake\":\"" + MediaTestFiles.MAKE + "\"")
                          .contains("\"cameraModel\":\"" + MediaTestFiles.MODEL + "\"")
                          .contains("\"takenAt\":\"2026-11-30T10:15:00Z\"").contains("\"latitude\":12.97")
                          .contains("\"longitude\":77.59").contains("\"width\":2000").contains("\"height\":1500")
                          .contains("\"primary\":true").contains("\"processingStatus\":\"pending\"")
                          .contains("\"roomType\":\"living_room\"");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes())
                .containsExactly("MediaUploaded", "MediaProcessingStarted", "MediaProcessed"));
        int[] edges = {200, 800, 1600};
        String[] sizes = {"thumbnail", "medium", "large"};
        for (int i = 0; i < sizes.length; i++) {
            Download version = owner.download(base + "/" + id + "/content?size=" + sizes[i]);
            assertThat(version.status()).as(version.text()).isEqualTo(200);
            assertThat(version.header("Content-Type")).isEqualTo("image/jpeg");
            BufferedImage made = image(version.body());
            assertThat(made.getWidth()).as(sizes[i]).isEqualTo(edges[i]);
            assertThat(made.getHeight()).as(sizes[i]).isEqualTo(edges[i] * 3 / 4);
        }
        Download original = tenant.download(base + "/" + id + "/content");
        assertThat(original.status()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(photo);
        assertThat(original.header("Content-Disposition")).startsWith("inline");
        assertThat(filesOf(id)).as("the upload and one file per size").isEqualTo(4);
        assertThat(mongo.getCollection(FILES).countDocuments(new org.bson.Document("metadata.part", id)
                                                                     .append("metadata.settled", false))).isZero();
    }

    @Test
    void aPortraitPhotoStoredSidewaysComesOutUprightInEverySmallerVersion() throws IOException {
        // As a phone held upright stores it: a landscape frame (red left, blue right) tagged "turn a quarter
        // clockwise".
        byte[] sideways = MediaTestFiles.photoStoredTurned(1200, 900, 6);
        String id = uploaded(owner, form("image", jpeg(sideways)));
        assertThat(lastPayload("MediaUploaded")).as("its size as seen").contains("\"width\":900")
                                                .contains("\"height\":1200");
        processed(1);
        int[] edges = {200, 800, 1600};
        String[] sizes = {"thumbnail", "medium", "large"};
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage made = image(owner.download(base + "/" + id + "/content?size=" + sizes[i]).body());
            int width = Math.min(edges[i], 1200) * 3 / 4;
            assertThat(made.getWidth()).as(sizes[i]).isEqualTo(width);
            assertThat(made.getHeight()).as(sizes[i]).isEqualTo(Math.min(edges[i], 1200));
            // Turned upright, the stored left (red) is the top and the stored right (blue) the bottom.
            Color top = new Color(made.getRGB(width / 2, made.getHeight() / 8));
            Color bottom = new Color(made.getRGB(width / 2, made.getHeight() * 7 / 8));
            assertThat(top.getRed()).as(sizes[i] + " top").isGreaterThan(200);
            assertThat(top.getBlue()).as(sizes[i] + " top").isLessThan(60);
            assertThat(bottom.getBlue()).as(sizes[i] + " bottom").isGreaterThan(200);
            assertThat(bottom.getRed()).as(sizes[i] + " bottom").isLessThan(60);
        }
        assertThat(owner.download(base + "/" + id + "/content").body()).as("the original as uploaded")
                                                                      .isEqualTo(sideways);
    }

    @Test
    void aCorruptJpegIsAcceptedThenFailsWithItsReasonAndHasNoSmallerVersions() {
        String id = uploaded(owner, form("image", jpeg(MediaTestFiles.corruptJpeg())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes())
                .containsExactly("MediaUploaded", "MediaProcessingStarted", "MediaProcessingFailed"));
        assertThat(lastPayload("MediaProcessingFailed")).contains("\"reason\":\"the image is corrupt");
        Download thumbnail = owner.download(base + "/" + id + "/content?size=thumbnail");
        assertThat(thumbnail.status()).isEqualTo(409);
        assertThat(thumbnail.text()).contains("not-processed").contains("failed");
        assertThat(filesOf(id)).as("only the upload").isEqualTo(1);
    }

    @Test
    void anAttemptCutShortByACrashIsMadeAgainWithoutDuplicates() throws IOException {
        EventProcessor makers = processing.eventProcessor(WhenMediaUploadedThenMakeRenditions.PROCESSING_GROUP)
                                          .orElseThrow();
        makers.shutDown();
        String id;
        try {
            id = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(900, 600))));
            // What a crash leaves: processing started, one version stored (unsettled), nothing recorded.
            commands.sendAndWait(new StartMediaProcessing(PropertyMediaId.of(PropertyId.of(property)),
                                                          MediaId.of(id)));
            Path leftover = Files.createTempFile("leftover", ".jpg");
            Files.write(leftover, MediaTestFiles.jpeg(200, 133));
            String left = files.store(MediaFiles.holder(PropertyMediaId.of(PropertyId.of(property)), MediaId.of(id)),
                                      leftover, "thumbnail.jpg", "image/jpeg", "00", null).fileId();
            Files.delete(leftover);
            assertThat(filesOf(id)).isEqualTo(2);
            assertThat(left).isNotBlank();
        } finally {
            makers.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes()).containsExactly(
                "MediaUploaded", "MediaProcessingStarted", "MediaProcessingStarted", "MediaProcessed"));
        assertThat(lastPayload("MediaProcessingStarted")).contains("\"attempt\":2");
        assertThat(filesOf(id)).as("the upload and one file per size; the leftover deleted").isEqualTo(4);
        Download large = owner.download(base + "/" + id + "/content?size=large");
        assertThat(image(large.body()).getWidth()).as("never enlarged").isEqualTo(900);
    }

    @Test
    void eachKindHasItsOwnLimitAndAVideoMayBeLargerThanAPhoto() {
        long before = storedFiles();
        byte[] bigPhoto = MediaTestFiles.jpeg(64, 64);
        bigPhoto = java.util.Arrays.copyOf(bigPhoto, 15 * 1024 * 1024 + 1);
        Response tooLarge = owner.postMultipart(base, form("image", jpeg(bigPhoto)));
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.contentType()).hasValue("application/problem+json");
        assertThat(tooLarge.json().path("detail").asString()).contains("image").contains("15728640");
        assertThat(storedFiles()).isEqualTo(before);

        Response video = owner.postMultipart(base, form("video", Part.file("file", "walk.mp4", "video/mp4",
                                                                           MediaTestFiles.mp4(16 * 1024 * 1024))));
        assertThat(video.status()).as(video.body()).isEqualTo(201);
        assertThat(lastPayload("MediaUploaded")).contains("\"kind\":\"video\"")
                                                .contains("\"processingStatus\":\"completed\"")
                                                .contains("\"primary\":false");

        long afterVideo = storedFiles();
        Response photoAsVideo = owner.postMultipart(base, form("video", jpeg(MediaTestFiles.jpeg(64, 64))));
        assertThat(photoAsVideo.status()).as(photoAsVideo.body()).isEqualTo(415);
        assertThat(photoAsVideo.json().path("detail").asString()).contains("image/jpeg").contains("video/mp4");
        Response videoAsPhoto = owner.postMultipart(base, form("image", Part.file("file", "walk.mp4", "video/mp4",
                                                                                  MediaTestFiles.mp4(4096))));
        assertThat(videoAsPhoto.status()).isEqualTo(415);
        Response mislabelled = owner.postMultipart(base, form("image", Part.file("file", "a.png", "image/png",
                                                                                 MediaTestFiles.jpeg(64, 64))));
        assertThat(mislabelled.status()).isEqualTo(400);
        assertThat(mislabelled.fieldErrors()).containsExactly("file: is declared image/png but its content is "
                                                                      + "image/jpeg");
        Response empty = owner.postMultipart(base, form("image", jpeg(new byte[0])));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.fieldErrors()).containsExactly("file: is empty");
        Response floorPlan = owner.postMultipart(base, form("floor_plan", Part.file("file", "plan.pdf",
                                                                                    "application/pdf",
                                                                                    TestFiles.pdf("Floor plan"))));
        assertThat(floorPlan.status()).as(floorPlan.body()).isEqualTo(201);
        assertThat(storedFiles()).isEqualTo(afterVideo + 1);
    }

    @Test
    void everyBadFieldIsNamedAtOnceAndNothingIsStored() {
        long before = storedFiles();
        Response r = owner.postMultipart(base, List.of(Part.field("kind", "hologram"), Part.field("roomType", "attic"),
                                                       Part.field("visibility", "friends")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.badFields()).containsExactlyInAnyOrder("kind", "roomType", "visibility", "file");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void onlyThePropertysPeopleUploadAndNobodyUnsignedReadsAnything() {
        String id = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        processed(1);
        long before = storedFiles();
        ApiClient stranger = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response theirs = stranger.postMultipart(base, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(404);
        assertThat(storedFiles()).as("the refused upload's bytes were deleted").isEqualTo(before);
        Response byTenant = tenant.postMultipart(base, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        assertThat(byTenant.status()).isEqualTo(403);
        Response unknown = owner.postMultipart("/api/properties/" + UUID.randomUUID() + "/media",
                                               form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(storedFiles()).isEqualTo(before);
        assertThat(anonymous.download(base + "/" + id + "/content").status()).isEqualTo(401);
        assertThat(anonymous.postMultipart(base, form("image", jpeg(MediaTestFiles.jpeg(64, 64)))).status())
                .isEqualTo(401);
        assertThat(owner.download(base + "/" + UUID.randomUUID() + "/content").status()).isEqualTo(404);
    }

    @Test
    void visibilityDecidesWhoDownloadsAndWhoeverMayNotIsToldItDoesNotExist() {
        ApiClient listingAgent = listingAgent();
        String hidden = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64)), "visibility", "private"));
        String forAgents = uploaded(owner, form("floor_plan", jpeg(MediaTestFiles.jpeg(64, 64)), "visibility",
                                                "agent_only"));
        String shown = uploaded(listingAgent, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));

        assertThat(owner.download(base + "/" + hidden + "/content").status()).isEqualTo(200);
        assertThat(admin.download(base + "/" + hidden + "/content").status()).isEqualTo(200);
        Download notForAgent = listingAgent.download(base + "/" + hidden + "/content");
        assertThat(notForAgent.status()).isEqualTo(404);
        assertThat(notForAgent.text()).contains("\"status\":404").doesNotContain("private");
        assertThat(listingAgent.download(base + "/" + forAgents + "/content").status()).isEqualTo(200);
        assertThat(tenant.download(base + "/" + forAgents + "/content").status()).isEqualTo(404);
        assertThat(tenant.download(base + "/" + hidden + "/content").status()).isEqualTo(404);
        assertThat(tenant.download(base + "/" + shown + "/content").status()).isEqualTo(200);
        ApiClient auditor = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "auditor"));
        assertThat(auditor.download(base + "/" + shown + "/content").status()).isEqualTo(403);
    }

    @Test
    void thePrimaryPhotoIsAPublicImageChosenUnderIfMatch() {
        String first = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        String second = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        String video = uploaded(owner, form("video", Part.file("file", "walk.mp4", "video/mp4",
                                                               MediaTestFiles.mp4(4096))));
        processed(2);
        String version = etag();

        Response notAPhoto = owner.put(base + "/primary", "{\"mediaId\": \"" + video + "\"}");
        assertThat(notAPhoto.status()).isEqualTo(409);
        assertThat(notAPhoto.json().path("type").asString()).endsWith("/primary-not-public-image");
        Response stale = owner.put(base + "/primary", "{\"mediaId\": \"" + second + "\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        Response chosen = owner.put(base + "/primary", "{\"mediaId\": \"" + second + "\"}", "If-Match", version);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(lastPayload("PrimaryMediaChosen")).contains(second).contains("\"previous\":\"" + first + "\"");
        Response keepPublic = owner.put(base + "/" + second, "{\"visibility\": \"private\"}");
        assertThat(keepPublic.status()).isEqualTo(409);
        assertThat(keepPublic.json().path("type").asString()).endsWith("/primary-must-be-public");
        Response details = owner.put(base + "/" + first, """
                {"roomType": "kitchen", "tags": ["modular"], "visibility": "agent_only"}""");
        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(lastPayload("MediaDetailsChanged")).contains("\"roomType\":\"kitchen\"")
                                                      .contains("\"visibility\":\"agent_only\"");
        Response bad = owner.put(base + "/" + first, "{\"roomType\": \"attic\", \"tags\": [\"\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).contains("roomType", "visibility");
        assertThat(owner.put(base + "/primary", "{}").badFields()).containsExactly("mediaId");
        assertThat(owner.put(base + "/" + UUID.randomUUID(), "{\"visibility\": \"public\"}").status())
                .isEqualTo(404);
        assertThat(tenant.put(base + "/primary", "{\"mediaId\": \"" + first + "\"}").status()).isEqualTo(403);
    }

    @Test
    void theDisplayOrderNamesEveryMediumOnce() {
        String first = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        String second = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        processed(2);
        Response incomplete = owner.put(base + "/order", "{\"mediaIds\": [\"" + second + "\"]}");
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.json().path("type").asString()).endsWith("/order-incomplete");
        Response twice = owner.put(base + "/order", "{\"mediaIds\": [\"" + second + "\", \"" + second + "\"]}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.badFields()).containsExactly("mediaIds");
        assertThat(owner.put(base + "/order", "{\"mediaIds\": []}").badFields()).containsExactly("mediaIds");
        Response reordered = owner.put(base + "/order", "{\"mediaIds\": [\"" + second + "\", \"" + first + "\"]}",
                                       "If-Match", etag());
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(lastPayload("MediaReordered")).contains("[\"" + second + "\",\"" + first + "\"]");
        ApiClient stranger = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        assertThat(stranger.put(base + "/order", "{\"mediaIds\": [\"" + first + "\", \"" + second + "\"]}")
                           .status()).isEqualTo(404);
    }

    @Test
    void theVerificationsFieldExecutiveUploadsAndReviewsAndAnAdminMayToo() {
        UUID executiveId = staff("field_executive");
        ApiClient executive = anonymous.withToken(TestTokens.mint(executiveId, "field_executive"));
        String verification = verificationAssignedTo(executiveId);

        Response without = executive.postMultipart(base, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));
        assertThat(without.status()).isEqualTo(403);
        String photo = uploaded(executive, form("image", jpeg(MediaTestFiles.jpeg(64, 64)), "verificationId",
                                                verification, "visibility", "agent_only"));
        String owners = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(64, 64))));

        Response rejected = executive.post(base + "/" + owners + "/review", """
                {"status": "rejected", "reason": "not this flat", "verificationId": "%s"}""".formatted(verification));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(lastPayload("MediaReviewed")).contains("\"status\":\"rejected\"")
                                                .contains("\"reason\":\"not this flat\"");
        Response noReason = admin.post(base + "/" + photo + "/review", "{\"status\": \"rejected\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.badFields()).containsExactly("reason");
        assertThat(admin.post(base + "/" + photo + "/review", "{\"status\": \"pending\"}").badFields())
                .containsExactly("status");
        assertThat(admin.post(base + "/" + photo + "/review", "{\"status\": \"approved\"}").status())
                .isEqualTo(200);
        assertThat(executive.post(base + "/" + photo + "/review", "{\"status\": \"approved\"}").status())
                .as("a field executive names their verification").isEqualTo(403);
        assertThat(owner.post(base + "/" + photo + "/review", "{\"status\": \"approved\"}").status())
                .isEqualTo(403);
    }

    @Test
    void theOwnerDeletesThePrimaryPhotoWhoseFilesGoAndTheNextPublicImageBecomesPrimary() {
        String first = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(640, 480))));
        String second = uploaded(owner, form("image", jpeg(MediaTestFiles.jpeg(640, 480))));
        processed(2);
        assertThat(filesOf(first)).as("the upload and one file per size").isEqualTo(4);

        Response stale = owner.delete(base + "/" + first, "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(filesOf(first)).isEqualTo(4);
        Response deleted = owner.delete(base + "/" + first, "If-Match", etag());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("id").asString()).isEqualTo(gallery());
        assertThat(deleted.header("ETag")).isEqualTo(etag());
        assertThat(eventTypes()).endsWith("MediaDeleted", "PrimaryMediaChosen");
        assertThat(lastPayload("MediaDeleted")).contains("\"order\":[\"" + second + "\"]");
        assertThat(lastPayload("PrimaryMediaChosen")).contains("\"mediaId\":\"" + second + "\"")
                                                     .contains("\"previous\":\"" + first + "\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(filesOf(first)).isZero());
        assertThat(filesOf(second)).isEqualTo(4);

        Download gone = owner.download(base + "/" + first + "/content?size=thumbnail");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text()).contains("\"status\":404");
        Response again = owner.delete(base + "/" + first);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).hasValue("application/problem+json");
        Response reused = owner.postMultipart(base, form("image", jpeg(MediaTestFiles.jpeg(64, 64)), "id", first));
        assertThat(reused.status()).as("a deleted medium's id is not taken again").isEqualTo(409);
        assertThat(owner.download(base + "/" + second + "/content?size=thumbnail").status()).isEqualTo(200);
    }

    @Test
    void onlyTheOwnerManagerOrAnAdminDeletesAndAVerificationsEvidenceOnlyAnAdmin() {
        ApiClient listingAgent = listingAgent();
        String shown = uploaded(listingAgent, form("video", Part.file("file", "walk.mp4", "video/mp4",
                                                                      MediaTestFiles.mp4(4096))));
        String hidden = uploaded(owner, form("video", Part.file("file", "walk.mp4", "video/mp4",
                                                                MediaTestFiles.mp4(4096)), "visibility", "private"));

        Response byAgent = listingAgent.delete(base + "/" + shown);
        assertThat(byAgent.status()).as("the listing agent uploads but does not delete").isEqualTo(403);
        assertThat(byAgent.contentType()).hasValue("application/problem+json");
        assertThat(tenant.delete(base + "/" + shown).status()).isEqualTo(403);
        ApiClient stranger = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response strangers = stranger.delete(base + "/" + hidden);
        assertThat(strangers.status()).isEqualTo(404);
        assertThat(strangers.body()).doesNotContain("private");
        assertThat(owner.delete(base + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(owner.delete("/api/properties/" + UUID.randomUUID() + "/media/" + shown).status())
                .isEqualTo(404);
        assertThat(anonymous.delete(base + "/" + shown).status()).isEqualTo(401);
        assertThat(filesOf(shown)).isEqualTo(1);

        UUID executiveId = staff("field_executive");
        ApiClient executive = anonymous.withToken(TestTokens.mint(executiveId, "field_executive"));
        String verification = verificationAssignedTo(executiveId);
        String evidence = uploaded(executive, form("video", Part.file("file", "walk.mp4", "video/mp4",
                                                                      MediaTestFiles.mp4(4096)),
                                                   "verificationId", verification));
        Response byOwner = owner.delete(base + "/" + evidence);
        assertThat(byOwner.status()).as(byOwner.body()).isEqualTo(409);
        assertThat(byOwner.json().path("type").asString()).endsWith("/verification-evidence");
        assertThat(executive.delete(base + "/" + evidence).status()).isEqualTo(403);
        Response byAdmin = admin.delete(base + "/" + evidence);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        Response byOwnerOfTheirs = owner.delete(base + "/" + shown);
        assertThat(byOwnerOfTheirs.status()).as(byOwnerOfTheirs.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(filesOf(evidence)).isZero();
            assertThat(filesOf(shown)).isZero();
        });
        assertThat(filesOf(hidden)).isEqualTo(1);
    }

    /** A real agent, made the property's listing agent by its owner. */
    ApiClient listingAgent() {
        TestUsers.User agent = TestUsers.register(anonymous, "agent", PASSWORD);
        assertThat(owner.put("/api/properties/" + property + "/listing-agent", "{\"agentId\": \"" + agent.id()
                + "\"}").status()).isEqualTo(200);
        return anonymous.withToken(TestTokens.mint(agent.id(), "agent"));
    }

    /** A verification of the property the owner requested and an admin assigned to {@code executiveId}. */
    String verificationAssignedTo(UUID executiveId) {
        Response requested = owner.post("/api/properties/" + property + "/verifications", "{\"type\": \"standard\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String verification = requested.json().path("id").asString();
        Response assigned = admin.put("/api/verifications/" + verification + "/assignment",
                                      "{\"fieldExecutiveId\": \"" + executiveId + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        return verification;
    }

    /** A real, active user of a staff role: signed up, then given the role by an admin. */
    UUID staff(String role) {
        UUID id = TestUsers.register(anonymous, "staff-" + UUID.randomUUID() + "@example.com",
                                     "+919%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000)),
                                     "owner", "IN", PASSWORD).id();
        Response given = admin.put("/api/users/" + id + "/role", "{\"role\": \"" + role + "\"}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        return id;
    }
}
