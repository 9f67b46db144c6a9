package io.alter8.command.document;

import io.alter8.api.common.DocumentId;
import io.alter8.command.CommandSideTest;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on the embedded stack: a document past its auto-delete date is expired by the job, which records it as
 * an event and deletes its files; and the sweep collects a file whose upload never reached its command.
 */
@CommandSideTest
class DocumentRetentionTest {

    @LocalServerPort
    int port;
    @Autowired
    DocumentRetention retention;
    @Autowired
    DocumentFileSweep sweep;
    @Autowired
    DocumentFiles files;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;

    long filesOf(String document) {
        return mongo.getCollection(DocumentFiles.BUCKET + ".files")
                    .countDocuments(new org.bson.Document("metadata.documentId", document));
    }

    @Test
    void aVerificationReportIsDeletedFiveYearsAfterItsUploadAndTheDeletionIsRecorded() {
        ApiClient owner = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response property = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        String propertyId = property.json().path("id").asString();
        Response r = owner.postMultipart("/api/documents", DocumentCommandApiTest.form(
                "property", propertyId, "verification_report",
                DocumentCommandApiTest.pdf(TestFiles.pdf("Report"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        Instant deleteAt = jdbc.queryForObject("SELECT auto_delete_at FROM document_retention WHERE document_id = ?",
                                               java.sql.Timestamp.class, UUID.fromString(id)).toInstant();
        assertThat(deleteAt).isBetween(Instant.now().plus(5 * 365 - 1, ChronoUnit.DAYS),
                                       Instant.now().plus(5 * 366 + 1, ChronoUnit.DAYS));

        retention.expireDue(deleteAt.minusSeconds(1));
        assertThat(filesOf(id)).as("not due yet").isEqualTo(1);

        assertThat(retention.expireDue(deleteAt)).isGreaterThanOrEqualTo(1);
        assertThat(filesOf(id)).isZero();
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                             + "ORDER BY sequence_number", String.class, id))
                .last().asString().endsWith("DocumentExpired");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document_retention WHERE document_id = ?",
                                       Integer.class, UUID.fromString(id))).isZero();
        assertThat(owner.download("/api/documents/" + id + "/content").status()).isEqualTo(404);
    }

    @Test
    void theSweepDeletesAFileWhoseUploadNeverReachedItsCommandAndKeepsHeldOnes() throws Exception {
        DocumentId abandoned = DocumentId.random();
        Path bytes = Files.createTempFile("sweep", ".pdf");
        Files.write(bytes, TestFiles.pdf("Abandoned"));
        files.store(abandoned, bytes, "a.pdf", "application/pdf", "00", null);
        Files.delete(bytes);
        assertThat(filesOf(abandoned.toString())).isEqualTo(1);

        sweep.sweep(Instant.now());
        assertThat(filesOf(abandoned.toString())).as("within the grace an upload may be in flight").isEqualTo(1);
        sweep.sweep(Instant.now().plus(2, ChronoUnit.HOURS));
        assertThat(filesOf(abandoned.toString())).isZero();
        List<Object> unsettled = mongo.getCollection(DocumentFiles.BUCKET + ".files")
                                      .find(new org.bson.Document("metadata.settled", false))
                                      .map(d -> d.get("_id")).into(new java.util.ArrayList<>());
        assertThat(unsettled).as("no file left unsettled that a document holds").isEmpty();
    }

    @Test
    void theSweepAsksAPropertysMediaWhichFilesTheyHold() throws Exception {
        ApiClient owner = new ApiClient("http://localhost:" + port)
                .withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        String property = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000")).json()
                               .path("id").asString();
        Response r = owner.postMultipart("/api/properties/" + property + "/media", List.of(
                ApiClient.Part.field("kind", "floor_plan"),
                ApiClient.Part.file("file", "plan.pdf", "application/pdf", TestFiles.pdf("Plan"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        org.bson.Document plan = mongo.getCollection(DocumentFiles.BUCKET + ".files")
                                      .find(new org.bson.Document("metadata.part", r.json().path("id").asString()))
                                      .first();
        Object held = plan.get("_id");
        // As a crash between recording and settling leaves it; and a file whose medium was never recorded.
        files.unsettle(plan.getObjectId("_id").toHexString());
        Path bytes = Files.createTempFile("sweep", ".jpg");
        Files.write(bytes, TestFiles.png());
        String orphan = files.store(new DocumentFiles.Holder("property_media", UUID.randomUUID().toString(),
                                                             UUID.randomUUID().toString()),
                                    bytes, "a.png", "image/png", "00", null).fileId();
        Files.delete(bytes);

        sweep.sweep(Instant.now().plus(2, ChronoUnit.HOURS));

        org.bson.Document kept = mongo.getCollection(DocumentFiles.BUCKET + ".files")
                                      .find(new org.bson.Document("_id", held)).first();
        assertThat(kept).isNotNull();
        assertThat(kept.get("metadata", org.bson.Document.class).getBoolean("settled")).isTrue();
        assertThat(mongo.getCollection(DocumentFiles.BUCKET + ".files")
                        .countDocuments(new org.bson.Document("_id", new org.bson.types.ObjectId(orphan)))).isZero();
    }
}
