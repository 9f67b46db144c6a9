package io.alter8.query.document;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.Mask;
import io.alter8.api.common.UserId;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentAccessGranted;
import io.alter8.api.document.DocumentDownloaded;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentPermission;
import io.alter8.api.document.DocumentSigned;
import io.alter8.api.document.DocumentTextExtracted;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.DocumentVersionUploaded;
import io.alter8.api.document.StoredFile;
import io.alter8.api.user.UserErased;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.property.TestEvents;
import io.alter8.query.user.UserTestEvents;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documents view in MongoDB over HTTP: search by entity, type, tags and the words of a file's text (found on the
 * embedded server, which has no $text), who sees what, bad parameters; the same events twice give the same view,
 * and a replay rebuilds it identically.
 */
@QuerySideTest
class DocumentQueryApiTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    DocumentViewProjector projector;
    @Autowired
    MongoTemplate mongo;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final UUID property = UUID.randomUUID();
    final UUID deed = UUID.randomUUID();
    final UUID report = UUID.randomUUID();
    final String unique = "zq" + UUID.randomUUID().toString().substring(0, 8);

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    static StoredFile file(String id, String sha) {
        return new StoredFile(id, "deed.pdf", 2048, "application/pdf", sha, null);
    }

    DocumentUploaded uploaded(UUID id, DocumentType type, AccessLevel level, List<String> tags, List<String> words) {
        return new DocumentUploaded(new DocumentId(id), DocumentEntityType.PROPERTY, property, type, type.category(),
                                    "Papers of flat 4B", null, tags, level, file("f-" + id, "aa"), words,
                                    new UserId(owner), T0, type.retentionPolicy(), T0.plusSeconds(86400),
                                    type.complianceTags());
    }

    /** A deed whose PDF text has a word nobody would type in a title, then a second version, a download, a grant. */
    List<Object> deedHistory() {
        DocumentId id = new DocumentId(deed);
        return List.of(uploaded(deed, DocumentType.PROPERTY_PAPERS, AccessLevel.RESTRICTED, List.of("deed", "sale"),
                                List.of("registered", "sale", unique)),
                       new DocumentVersionUploaded(id, 2, 1, file("f2-" + deed, "bb"), List.of("amended", unique),
                                                   new UserId(owner), T0.plusSeconds(60)),
                       new DocumentDownloaded(id, 1, file("f-" + deed, "aa"), new UserId(owner), T0.plusSeconds(90),
                                              1),
                       new DocumentAccessGranted(id, new UserId(tenant), DocumentPermission.READ, new UserId(owner)),
                       new DocumentSigned(id, DocumentEntityType.PROPERTY, property, DocumentType.PROPERTY_PAPERS, 2,
                                          new UserId(owner), UserTestEvents.sealed(owner, "Asha Rao", Mask.NAME),
                                          T0.plusSeconds(120), "img", null, true));
    }

    String appendAll() {
        List<Object> events = deedHistory();
        for (int i = 0; i < events.size(); i++) {
            store.append("Document", deed, i, events.get(i));
        }
        return Long.toString(store.append("Document", report, 0, uploaded(
                report, DocumentType.VERIFICATION_REPORT, AccessLevel.PRIVATE, List.of("report"),
                List.of("inspection", unique))));
    }

    Document stored(UUID id) {
        return mongo.getCollection(DocumentViewProjector.COLLECTION).find(new Document("_id", id.toString())).first();
    }

    @Test
    void aWordThatOccursOnlyInTheFilesTextFindsTheDocument() {
        String position = appendAll();
        ApiClient me = as(owner, "owner");
        Response r = me.get("/api/documents?q=" + unique.toUpperCase(), "X-Await-Position", position);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(ids(r)).containsExactlyInAnyOrder(deed.toString(), report.toString());
        assertThat(ids(me.get("/api/documents?q=" + unique + "%20amended"))).containsExactly(deed.toString());
        assertThat(ids(me.get("/api/documents?q=" + unique + "&documentType=verification_report")))
                .containsExactly(report.toString());
        assertThat(ids(me.get("/api/documents?entityType=property&entityId=" + property + "&tags=deed&tags=sale")))
                .containsExactly(deed.toString());
        assertThat(ids(me.get("/api/documents?uploadedBy=" + owner + "&category=verification")))
                .containsExactly(report.toString());
        assertThat(ids(me.get("/api/documents?entityId=" + property + "&from=2026-12-02T00:00:00Z"))).isEmpty();
        assertThat(ids(me.get("/api/documents?q=" + unique + "x"))).isEmpty();
    }

    @Test
    void theWordsOfATextExtractedAfterTheUploadFindTheDocumentOnlyWhileTheirVersionIsTheLatest() {
        DocumentId id = new DocumentId(deed);
        String word = unique + "later";
        store.append("Document", deed, 0, uploaded(deed, DocumentType.PROPERTY_PAPERS, AccessLevel.RESTRICTED,
                                                    List.of("deed"), List.of()));
        ApiClient me = as(owner, "owner");
        String uploadedAt = Long.toString(store.append("Document", deed, 1, new DocumentVersionUploaded(
                id, 2, 1, file("f2-" + deed, "bb"), List.of(), new UserId(owner), T0.plusSeconds(60))));
        assertThat(ids(me.get("/api/documents?q=" + word, "X-Await-Position", uploadedAt))).isEmpty();

        // Version 1's text, extracted late, no longer says what the document is; version 2's does.
        String extracted = Long.toString(store.append("Document", deed, 2, new DocumentTextExtracted(
                id, 1, List.of("older" + unique), T0.plusSeconds(61))));
        assertThat(ids(me.get("/api/documents?q=older" + unique, "X-Await-Position", extracted))).isEmpty();
        extracted = Long.toString(store.append("Document", deed, 3, new DocumentTextExtracted(
                id, 2, List.of("annexure", word), T0.plusSeconds(62))));
        assertThat(ids(me.get("/api/documents?q=" + word.toUpperCase(), "X-Await-Position", extracted)))
                .containsExactly(deed.toString());
        assertThat(ids(me.get("/api/documents?q=annexure%20" + word + "%20deed"))).as("with its tags' words")
                                                                                 .containsExactly(deed.toString());
    }

    @Test
    void oneDocumentShowsItsVersionsSignaturesDownloadsAndRetention() {
        String position = appendAll();
        Response r = as(owner, "owner").get("/api/documents/" + deed, "X-Await-Position", position);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"4\"");
        JsonNode view = r.json();
        assertThat(view.path("version").asInt()).isEqualTo(2);
        assertThat(view.path("sha256").asString()).isEqualTo("bb");
        assertThat(view.path("versions").size()).isEqualTo(2);
        assertThat(view.path("versions").get(0).path("isLatestVersion").asBoolean()).isFalse();
        assertThat(view.path("versions").get(1).path("isLatestVersion").asBoolean()).isTrue();
        assertThat(view.path("versions").get(1).path("previousVersion").asInt()).isEqualTo(1);
        assertThat(view.path("downloadCount").asLong()).isEqualTo(1);
        assertThat(view.path("lastAccessedBy").asString()).isEqualTo(owner.toString());
        assertThat(view.path("fullySigned").asBoolean()).isTrue();
        assertThat(view.path("signatures").get(0).path("signerName").asString()).isEqualTo("Asha Rao");
        assertThat(view.path("retentionPolicy").asString()).isEqualTo("10_years");
        assertThat(view.path("complianceTags").get(0).asString()).isEqualTo("title_records");
    }

    @Test
    void anErasedSignersNameLeavesTheSignatureWhichStays() {
        appendAll();
        long erased = store.append("UserAccount", owner, 0, new UserErased(new UserId(owner), "the user's request",
                                                                            true, UserId.random()));

        Response r = as(UUID.randomUUID(), "admin").get("/api/documents/" + deed, "X-Await-Position",
                                                        Long.toString(erased));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode signature = r.json().path("signatures").get(0);
        assertThat(signature.path("signerId").asString()).isEqualTo(owner.toString());
        assertThat(signature.path("signerName").isNull()).as(signature.toString()).isTrue();
        assertThat(r.body()).doesNotContain("Asha Rao");
    }

    @Test
    void othersSeeOnlyWhatTheyAreGrantedAndAnUnknownOrHiddenDocumentIs404() {
        String position = appendAll();
        ApiClient granted = as(tenant, "tenant");
        Response list = granted.get("/api/documents?q=" + unique, "X-Await-Position", position);
        assertThat(ids(list)).as("the deed by its grant; the private report not").containsExactly(deed.toString());
        ApiClient stranger = as(UUID.randomUUID(), "owner");
        assertThat(ids(stranger.get("/api/documents?q=" + unique))).isEmpty();
        assertThat(stranger.get("/api/documents/" + deed).status()).isEqualTo(404);
        assertThat(stranger.get("/api/documents/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(ids(as(UUID.randomUUID(), "admin").get("/api/documents?q=" + unique))).hasSize(2);
        assertThat(new ApiClient("http://localhost:" + port).get("/api/documents").status()).isEqualTo(401);
        assertThat(as(UUID.randomUUID(), "analyst").get("/api/documents").status()).isEqualTo(403);
    }

    @Test
    void thePropertysOwnerSeesItsRestrictedDocumentsAndAsItsWriterItsPrivateOnes() {
        UUID landlord = UUID.randomUUID();
        store.append("Property", property, 0, new TestEvents.Listing(property).owner(landlord).registered());
        String position = appendAll();
        ApiClient theirs = as(landlord, "owner");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(ids(theirs.get("/api/documents?q=" + unique, "X-Await-Position", position)))
                        .containsExactlyInAnyOrder(deed.toString(), report.toString()));
        assertThat(theirs.get("/api/documents/" + report).status()).isEqualTo(200);
    }

    @Test
    void badParametersAreNamedAtOnce() {
        Response r = as(owner, "owner").get("/api/documents?entityType=house&entityId=x&documentType=passport"
                                                    + "&from=yesterday&size=500&sort=size");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.badFields()).contains("entityType", "entityId", "documentType", "from", "size", "sort");
    }

    @Test
    void theSameEventsTwiceOrLateGiveTheSameView() {
        List<Object> events = deedHistory();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < events.size(); i++) {
                apply(events.get(i), i);
            }
        }
        Document once = stored(deed);
        apply(events.get(0), 0);
        apply(events.get(2), 2);
        assertThat(stored(deed)).isEqualTo(once);
        assertThat(once.getList("versions", Document.class)).hasSize(2);
        assertThat(once.getList("signatures", Document.class)).hasSize(1);
        assertThat(once.get("downloadCount", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void aReplayRebuildsTheViewsIdentically() {
        String head = appendAll();
        ApiClient admin = as(UUID.randomUUID(), "admin");
        assertThat(admin.get("/api/documents/" + report, "X-Await-Position", head).status()).isEqualTo(200);
        List<Document> before = new ArrayList<>(List.of(stored(deed), stored(report)));

        Rebuilds.rebuild(admin, DocumentViewProjector.PROCESSING_GROUP, head);

        assertThat(List.of(stored(deed), stored(report))).isEqualTo(before);
    }

    private void apply(Object event, long sequence) {
        if (event instanceof DocumentUploaded e) {
            projector.on(e, sequence);
        } else if (event instanceof DocumentVersionUploaded e) {
            projector.on(e, sequence);
        } else if (event instanceof DocumentDownloaded e) {
            projector.on(e, sequence);
        } else if (event instanceof DocumentAccessGranted e) {
            projector.on(e, sequence);
        } else if (event instanceof DocumentSigned e) {
            projector.on(e, sequence);
        } else if (event instanceof DocumentTextExtracted e) {
            projector.on(e, sequence);
        } else {
            throw new IllegalArgumentException(event.getClass().getName());
        }
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
