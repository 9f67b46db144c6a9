package io.alter8.command.document;

import io.alter8.api.common.UserId;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.property.PropertyBodies;
import io.alter8.infra.privacy.PersonalDataCipher;
import io.alter8.infra.stack.ApiClient.Download;
import io.alter8.infra.stack.ApiClient.Part;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Documents over HTTP on the embedded stack: upload and download of the same bytes, every upload limit (none of
 * which leaves a file or an event behind), who may download (another user's download is 404), versions, grants,
 * signatures of a lease agreement by its parties, and identity documents sealed at rest until their person is erased.
 */
@CommandSideTest
class DocumentCommandApiTest {

    static final String FILES = DocumentFiles.BUCKET + ".files";
    static final String CHUNKS = DocumentFiles.BUCKET + ".chunks";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonalDataCipher cipher;
    ApiClient anonymous;
    UUID ownerId;
    ApiClient owner;
    ApiClient stranger;
    String property;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
        ownerId = UUID.randomUUID();
        owner = anonymous.withToken(TestTokens.mint(ownerId, "owner"));
        stranger = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"));
        Response created = owner.post("/api/properties", PropertyBodies.apartment(null, null, "Flat", "20000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        property = created.json().path("id").asString();
    }

    static List<Part> form(String entityType, String entityId, String documentType, Part file) {
        List<Part> parts = new ArrayList<>(List.of(
                Part.field("entityType", entityType), Part.field("entityId", entityId),
                Part.field("documentType", documentType), Part.field("title", "Sale deed"),
                Part.field("description", "Registered sale deed"), Part.field("tags", "deed"),
                Part.field("tags", "registered")));
        parts.add(file);
        return parts;
    }

    List<Part> papers(Part file) {
        return form("property", property, "property_papers", file);
    }

    static Part pdf(byte[] bytes) {
        return Part.file("file", "deed.pdf", "application/pdf", bytes);
    }

    String uploaded(ApiClient as, List<Part> parts) {
        Response r = as.postMultipart("/api/documents", parts);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    long storedFiles() {
        return mongo.getCollection(FILES).countDocuments();
    }

    List<String> eventTypes(String id) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                                         + "ORDER BY sequence_number", String.class, id)
                   .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    @Test
    void theOwnerUploadsAPdfOfTheirPropertyAndDownloadsTheSameBytesStreamedAndCounted() {
        byte[] deed = TestFiles.pdf("Sale deed of flat 4B, Indiranagar, stamped at Zanzibár");
        // An Idempotency-Key is no obstacle: the upload's own id makes retries safe (docs/api.md).
        Response r = owner.postMultipart("/api/documents", papers(pdf(deed)), "Idempotency-Key", "deed-1");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().path("id").asString();
        assertThat(r.header("Location")).isEqualTo("http://query.test/api/documents/" + id);
        assertThat(r.json().path("version").asLong()).isZero();

        Download first = owner.download("/api/documents/" + id + "/content");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(deed);
        assertThat(first.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(first.header("Content-Disposition")).contains("attachment").contains("deed.pdf");
        assertThat(first.header("X-Checksum-SHA256")).hasSize(64);
        assertThat(owner.download("/api/documents/" + id + "/content").status()).isEqualTo(200);
        // The text's words are recorded in the background, before, between or after the downloads.
        assertThat(eventTypes(id)).filteredOn(type -> !type.equals("DocumentTextExtracted"))
                                  .containsExactly("DocumentUploaded", "DocumentDownloaded", "DocumentDownloaded");
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                                     + "aggregate_identifier = ? AND payload_type LIKE "
                                                     + "'%.DocumentDownloaded' ORDER BY sequence_number DESC LIMIT 1",
                                             String.class, id);
        assertThat(payload).contains("\"downloadCount\":2").contains(ownerId.toString());
        String upload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                                    + "aggregate_identifier = ? AND sequence_number = 0",
                                            String.class, id);
        assertThat(upload).contains("\"sha256\"").contains("\"mediaType\":\"application/pdf\"")
                          .as("the upload answered without reading the text").contains("\"searchWords\":[]");
        // The words of the PDF's text (Tika), normalised, follow for the documents view's search.
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("DocumentTextExtracted"));
        String text = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                                  + "aggregate_identifier = ? AND payload_type LIKE "
                                                  + "'%.DocumentTextExtracted'", String.class, id);
        assertThat(text).contains("\"zanzibar\"").contains("\"indiranagar\"").contains("\"version\":1");
        // Stored as uploaded and settled: the sweep of abandoned files leaves it alone.
        org.bson.Document file = mongo.getCollection(FILES).find(new org.bson.Document("metadata.documentId", id))
                                      .first();
        assertThat(file).isNotNull();
        assertThat(file.get("metadata", org.bson.Document.class).getBoolean("settled")).isTrue();
    }

    @Test
    void anotherUsersDownloadIsNotFoundAndSoIsTheirUpload() {
        String id = uploaded(owner, papers(pdf(TestFiles.pdf("Sale deed"))));
        Download theirs = stranger.download("/api/documents/" + id + "/content");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.text()).contains("\"status\":404").doesNotContain("Exception");
        assertThat(stranger.download("/api/documents/" + UUID.randomUUID() + "/content").status()).isEqualTo(404);

        long before = storedFiles();
        Response upload = stranger.postMultipart("/api/documents", papers(pdf(TestFiles.pdf("Not mine"))));
        assertThat(upload.status()).as(upload.body()).isEqualTo(404);
        assertThat(storedFiles()).as("the refused upload's bytes were deleted").isEqualTo(before);
        assertThat(anonymous.download("/api/documents/" + id + "/content").status()).isEqualTo(401);
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFileAndNothingIsStored() {
        long before = storedFiles();
        Response r = owner.postMultipart("/api/documents", papers(pdf(new byte[0])));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).hasValue("application/problem+json");
        assertThat(r.fieldErrors()).containsExactly("file: is empty");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void everyMissingOrInvalidFieldIsNamedAtOnce() {
        Response r = owner.postMultipart("/api/documents", List.of(Part.field("entityType", "house"),
                                                                   Part.field("documentType", "passport"),
                                                                   Part.field("accessLevel", "secret")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.badFields()).containsExactlyInAnyOrder("entityType", "entityId", "documentType", "title",
                                                            "accessLevel", "file");
    }

    @Test
    void aFileLargerThanItsTypeAllowsIsRefusedWith413() {
        long before = storedFiles();
        byte[] big = Arrays.copyOf(TestFiles.png(), 10 * 1024 * 1024 + 1);
        UUID tenant = TestUsers.register(anonymous, "tenant", "a long enough password").id();
        ApiClient me = anonymous.withToken(TestTokens.mint(tenant, "tenant"));
        Response r = me.postMultipart("/api/documents", form("user", tenant.toString(), "kyc",
                                                             Part.file("file", "id.png", "image/png", big)));
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.json().path("type").asString()).endsWith("/file-too-large");
        assertThat(r.json().path("detail").asString()).contains("kyc").contains("10485760");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheUploadRoutesLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[22 * 1024 * 1024];
        Response r = owner.postMultipart("/api/documents", papers(pdf(huge)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("type").asString()).endsWith("/body-too-large");
    }

    @Test
    void aMediaTypeTheDocumentTypeDoesNotTakeIsRefusedWith415() {
        long before = storedFiles();
        Response r = owner.postMultipart("/api/documents", form("property", property, "lease_agreement",
                                                                Part.file("file", "a.png", "image/png",
                                                                          TestFiles.png())));
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.json().path("type").asString()).endsWith("/media-type-not-allowed");
        assertThat(r.json().path("detail").asString()).contains("image/png").contains("application/pdf");
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aDeclaredTypeTheBytesDisagreeWithIsRefused() {
        long before = storedFiles();
        Response r = owner.postMultipart("/api/documents", papers(
                Part.file("file", "deed.png", "image/png", TestFiles.pdf("Sale deed"))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.fieldErrors()).containsExactly("file: is declared image/png but its content is application/pdf");
        // Renamed text is not a PDF however it is declared.
        Response renamed = owner.postMultipart("/api/documents", papers(
                pdf("just some text".getBytes(StandardCharsets.UTF_8))));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(415);
        assertThat(storedFiles()).isEqualTo(before);
    }

    @Test
    void aNewVersionIsTheLatestAndTheOldOneStaysReadable() {
        byte[] v1 = TestFiles.pdf("Version one");
        byte[] v2 = TestFiles.pdf("Version two");
        String id = uploaded(owner, papers(pdf(v1)));
        // The words of its text are recorded in the background, as the document's next version (1).
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("DocumentTextExtracted"));
        Response stale = owner.postMultipart("/api/documents/" + id + "/versions", List.of(pdf(v2)),
                                             "If-Match", "\"0\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Response r = owner.postMultipart("/api/documents/" + id + "/versions", List.of(pdf(v2)), "If-Match", "\"1\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        Response same = owner.postMultipart("/api/documents/" + id + "/versions", List.of(pdf(v2)));
        assertThat(same.status()).as(same.body()).isEqualTo(409);
        assertThat(same.json().path("type").asString()).endsWith("/same-content");

        assertThat(owner.download("/api/documents/" + id + "/content").body()).isEqualTo(v2);
        assertThat(owner.download("/api/documents/" + id + "/content?version=1").body()).isEqualTo(v1);
        assertThat(owner.download("/api/documents/" + id + "/content?version=3").status()).isEqualTo(404);
        assertThat(stranger.postMultipart("/api/documents/" + id + "/versions",
                                          List.of(pdf(TestFiles.pdf("Mine now")))).status()).isEqualTo(404);
        assertThat(mongo.getCollection(FILES).countDocuments(new org.bson.Document("metadata.documentId", id)))
                .as("two versions; the refused ones left nothing").isEqualTo(2);
    }

    @Test
    void aGrantLetsAnotherUserReadUntilItIsRevoked() {
        UUID reader = UUID.randomUUID();
        ApiClient them = anonymous.withToken(TestTokens.mint(reader, "tenant"));
        String id = uploaded(owner, papers(pdf(TestFiles.pdf("Sale deed"))));
        assertThat(them.download("/api/documents/" + id + "/content").status()).isEqualTo(404);
        Response bad = owner.put("/api/documents/" + id + "/grants/" + reader, "{\"permission\": \"own\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactly("permission");
        assertThat(owner.put("/api/documents/" + id + "/grants/" + reader, "{\"permission\": \"read\"}").status())
                .isEqualTo(200);
        assertThat(them.download("/api/documents/" + id + "/content").status()).isEqualTo(200);
        Response notAdmin = them.put("/api/documents/" + id + "/grants/" + UUID.randomUUID(),
                                     "{\"permission\": \"read\"}");
        assertThat(notAdmin.status()).as(notAdmin.body()).isEqualTo(403);
        assertThat(owner.delete("/api/documents/" + id + "/grants/" + reader).status()).isEqualTo(200);
        assertThat(them.download("/api/documents/" + id + "/content").status()).isEqualTo(404);
    }

    @Test
    void aLeaseAgreementIsSignedByTheLeasesPartiesOnly() {
        assertThat(owner.put("/api/properties/" + property + "/status", "{\"status\": \"active\"}").status())
                .isEqualTo(200);
        UUID tenant = TestUsers.register(anonymous, "tenant", "a long enough password").id();
        Response lease = owner.post("/api/leases", """
                {"propertyId": "%s", "tenantIds": ["%s"], "terms": {"startDate": "2026-01-01",
                 "endDate": "2027-01-01", "monthlyRent": {"amount": "20000", "currency": "INR"}}}"""
                .formatted(property, tenant));
        assertThat(lease.status()).as(lease.body()).isEqualTo(201);
        String leaseId = lease.json().path("id").asString();
        String id = uploaded(owner, form("lease", leaseId, "lease_agreement", pdf(TestFiles.pdf("Agreement"))));
        ApiClient tenantApi = anonymous.withToken(TestTokens.mint(tenant, "tenant"));
        assertThat(tenantApi.download("/api/documents/" + id + "/content").status()).isEqualTo(200);

        String signature = "{\"signerName\": \"%s\", \"signatureImage\": \"https://sign.example/%s\"}";
        assertThat(stranger.post("/api/documents/" + id + "/signatures", signature.formatted("X", "x")).status())
                .isEqualTo(404);
        Response missing = owner.post("/api/documents/" + id + "/signatures", "{}");
        assertThat(missing.badFields()).containsExactlyInAnyOrder("signerName", "signatureImage");
        assertThat(owner.post("/api/documents/" + id + "/signatures", signature.formatted("Asha Rao", "a"))
                        .status()).isEqualTo(200);
        Response last = tenantApi.post("/api/documents/" + id + "/signatures", signature.formatted("Ravi", "r"));
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        // The last signature, not the document's last event: its text extraction may append one at any time.
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                                     + "aggregate_identifier = ? AND payload_type LIKE "
                                                     + "'%.DocumentSigned' ORDER BY sequence_number DESC LIMIT 1",
                                             String.class, id);
        // The signer's name only encrypted under their key, shown masked.
        assertThat(payload).contains("\"fullySigned\":true").contains("\"masked\":\"R***\"")
                           .doesNotContain("\"Ravi\"")
                           .contains("\"ipAddress\":\"" + tenantApi.clientAddress() + "\"");
        // The lease takes up its signed agreement (a process, after the commit).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(eventTypes(leaseId)).contains("LeaseAgreementRecorded"));
        assertThat(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                               + "aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                                       String.class, leaseId)).contains(id);
    }

    @Test
    void anIdentityDocumentIsSealedAtRestAndUnreadableOnceItsPersonIsErased() {
        UUID tenant = TestUsers.register(anonymous, "tenant", "a long enough password").id();
        ApiClient me = anonymous.withToken(TestTokens.mint(tenant, "tenant"));
        byte[] kyc = TestFiles.pdf("PAN ABCPE1234F of Ravi Kumar");
        Response bad = me.postMultipart("/api/documents", form("property", property, "kyc", pdf(kyc)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactly("entityType");
        String id = uploaded(me, form("user", tenant.toString(), "kyc", pdf(kyc)));

        org.bson.Document file = mongo.getCollection(FILES).find(new org.bson.Document("metadata.documentId", id))
                                      .first();
        assertThat(file).isNotNull();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        mongo.find(Query.query(Criteria.where("files_id").is(file.get("_id"))), org.bson.Document.class, CHUNKS)
             .forEach(chunk -> stored.writeBytes(chunk.get("data", Binary.class).getData()));
        assertThat(new String(stored.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("ABCPE1234F")
                                                                              .doesNotContain("%PDF");
        assertThat(me.download("/api/documents/" + id + "/content").body()).isEqualTo(kyc);
        assertThat(stranger.download("/api/documents/" + id + "/content").status()).isEqualTo(404);
        // Nothing of its text travels in the events: an identity document is not searchable by its words.
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry WHERE "
                                             + "aggregate_identifier = ?", String.class, id))
                .noneMatch(payload -> payload.toLowerCase().contains("abcpe1234f"));

        cipher.shred(new UserId(tenant));
        Download gone = me.download("/api/documents/" + id + "/content");
        assertThat(gone.status()).as(gone.text()).isEqualTo(410);
    }
}
