package io.alter8.query.chat;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.UserId;
import io.alter8.api.document.AccessLevel;
import io.alter8.api.document.DocumentEntityType;
import io.alter8.api.document.DocumentType;
import io.alter8.api.document.DocumentUploaded;
import io.alter8.api.document.StoredFile;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.lease.LeaseTestEvents;
import io.alter8.query.property.TestEvents;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat through HTTP on the embedded stack: the people of a lease or a property talk, with read receipts, unread
 * counts, cursor pages, soft delete and attachments that every participant may already read; outsiders get 404,
 * other roles 403, bad input 400 naming every field; and the chat_messages collection has the seed's fields and
 * indexes.
 */
@QuerySideTest
class ChatApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Conversations conversations;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final UUID outsider = UUID.randomUUID();
    LeaseTestEvents lease;
    String head;

    @BeforeEach
    void aLeaseOfOneTenant() {
        lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        head = Long.toString(store.append("Lease", lease.id, 0, lease.proposed(tenant, tenant)));
    }

    ApiClient as(UUID user, String role) {
        return new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, role));
    }

    ApiClient owner() {
        return as(owner, "owner");
    }

    ApiClient tenant() {
        return as(tenant, "tenant");
    }

    /** A conversation of the lease's owner and tenant, started by the owner; answers its id. */
    String leaseConversation() {
        Response started = owner().post("/api/conversations", Map.of("subjectType", "lease", "subjectId", lease.id,
                                                                     "title", "Move-in"),
                                         "X-Await-Position", head);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }

    Response send(ApiClient as, String conversation, String text) {
        return as.post("/api/conversations/" + conversation + "/messages", Map.of("message", text));
    }

    @Test
    void thePartiesOfALeaseTalkWithReadReceiptsUnreadCountsAndPagesNewestFirst() {
        Response started = owner().post("/api/conversations", Map.of("subjectType", "lease", "subjectId", lease.id),
                                        "X-Await-Position", head);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("id").asString();
        assertThat(started.header("Location")).isEqualTo("/api/conversations/" + id);
        assertThat(started.json().path("participants").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(owner.toString(), tenant.toString());

        for (String text : List.of("Keys at noon?", "Or at five", "Tell me which")) {
            assertThat(send(owner(), id, text).status()).isEqualTo(201);
        }
        JsonNode mine = tenant().get("/api/conversations").json();
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("unread").asLong()).isEqualTo(3);
        assertThat(owner().get("/api/conversations/" + id).json().path("unread").asLong()).isZero();

        JsonNode first = tenant().get("/api/conversations/" + id + "/messages?size=2").json();
        assertThat(texts(first)).containsExactly("Tell me which", "Or at five");
        String cursor = first.path("nextCursor").asString();
        JsonNode second = tenant().get("/api/conversations/" + id + "/messages?size=2&before=" + cursor).json();
        assertThat(texts(second)).containsExactly("Keys at noon?");
        assertThat(second.path("nextCursor").isNull()).isTrue();
        JsonNode oldest = second.path("items").get(0);
        assertThat(oldest.path("recipientId").asString()).isEqualTo(tenant.toString());
        assertThat(oldest.path("isRead").asBoolean()).isFalse();

        Response read = tenant().post("/api/conversations/" + id + "/read", "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("unread").asLong()).isZero();
        JsonNode seen = owner().get("/api/conversations/" + id + "/messages/" + oldest.path("id").asString()).json();
        assertThat(seen.path("isRead").asBoolean()).isTrue();
        assertThat(seen.path("readBy").path(tenant.toString()).asString()).isNotEmpty();
        assertThat(seen.path("readBy").has(owner.toString())).isFalse();

        // The tenant answers: the owner now has one unread, the tenant none.
        send(tenant(), id, "Noon is fine");
        assertThat(owner().get("/api/conversations/" + id).json().path("unread").asLong()).isEqualTo(1);
        assertThat(tenant().get("/api/conversations/" + id).json().path("unread").asLong()).isZero();
    }

    @Test
    void anOutsiderIsToldNothingOfAConversationAndOtherRolesAreRefused() {
        String id = leaseConversation();
        String message = send(owner(), id, "Private terms").json().path("id").asString();
        ApiClient stranger = as(outsider, "tenant");
        List<Response> refused = List.of(
                stranger.get("/api/conversations/" + id),
                stranger.get("/api/conversations/" + id + "/messages"),
                stranger.get("/api/conversations/" + id + "/messages/" + message),
                stranger.get("/api/conversations/" + id + "/presence"),
                send(stranger, id, "let me in"),
                stranger.post("/api/conversations/" + id + "/read", ""),
                stranger.delete("/api/conversations/" + id + "/messages/" + message),
                stranger.post("/api/conversations", Map.of("subjectType", "lease", "subjectId", lease.id)),
                tenant().get("/api/conversations/" + UUID.randomUUID()));
        for (Response answer : refused) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).hasValue("application/problem+json");
            assertThat(answer.body()).doesNotContain("Private terms");
        }
        assertThat(stranger.get("/api/conversations").json().path("total").asLong()).isZero();
        assertThat(texts(owner().get("/api/conversations/" + id + "/messages").json()))
                .containsExactly("Private terms");

        // Every route: 401 without a token, 403 for a role that is never one of a property's or lease's people.
        for (String role : List.of("none", "field_executive", "auditor")) {
            ApiClient caller = role.equals("none") ? new ApiClient("http://localhost:" + port)
                    : as(UUID.randomUUID(), role);
            int expected = role.equals("none") ? 401 : 403;
            List<Response> answers = List.of(
                    caller.post("/api/conversations", Map.of("subjectType", "lease", "subjectId", lease.id)),
                    caller.get("/api/conversations"),
                    caller.get("/api/conversations/" + id),
                    caller.get("/api/conversations/" + id + "/messages"),
                    caller.get("/api/conversations/" + id + "/messages/" + message),
                    send(caller, id, "hello"),
                    caller.post("/api/conversations/" + id + "/read", ""),
                    caller.delete("/api/conversations/" + id + "/messages/" + message),
                    caller.get("/api/conversations/" + id + "/presence"));
            for (Response answer : answers) {
                assertThat(answer.status()).as(role + ": " + answer.body()).isEqualTo(expected);
                assertThat(answer.contentType()).hasValue("application/problem+json");
            }
        }
        assertThat(texts(owner().get("/api/conversations/" + id + "/messages").json()))
                .containsExactly("Private terms");
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndStoresNothing() {
        Response start = owner().post("/api/conversations", Map.of("subjectType", "flat", "title", "x".repeat(201)));
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.contentType()).hasValue("application/problem+json");
        assertThat(start.badFields()).containsExactlyInAnyOrder("subjectType", "subjectId", "title");

        Response stranger = owner().post("/api/conversations", Map.of(
                "subjectType", "lease", "subjectId", lease.id, "participantIds", List.of(tenant, outsider)),
                "X-Await-Position", head);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.fieldErrors()).containsExactly("participantIds[1]: is not one of the people of this lease");

        String id = leaseConversation();
        // The refused starts made nothing: the owner has the one conversation just made.
        assertThat(owner().get("/api/conversations").json().path("total").asLong()).isEqualTo(1);
        List<UUID> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(UUID.randomUUID());
        }
        Response message = owner().post("/api/conversations/" + id + "/messages",
                                        Map.of("message", " ", "attachments", eleven));
        assertThat(message.status()).isEqualTo(400);
        assertThat(message.badFields()).containsExactlyInAnyOrder("message", "attachments");
        assertThat(send(owner(), id, "x".repeat(4001)).badFields()).containsExactly("message");
        Response control = send(owner(), id, "bell\u0007");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.badFields()).containsExactly("message");

        Response page = owner().get("/api/conversations/" + id + "/messages?size=0&before=not-a-cursor");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.badFields()).containsExactlyInAnyOrder("size", "before");
        assertThat(owner().get("/api/conversations/" + id + "/messages").json().path("items").size()).isZero();
    }

    @Test
    void onlyItsAuthorDeletesAMessageWhichThenShowsAsDeletedAndIsNoLongerUnread() {
        String id = leaseConversation();
        String message = send(owner(), id, "Wrong flat number").json().path("id").asString();
        assertThat(tenant().get("/api/conversations/" + id).json().path("unread").asLong()).isEqualTo(1);

        Response notTheirs = tenant().delete("/api/conversations/" + id + "/messages/" + message);
        assertThat(notTheirs.status()).isEqualTo(403);
        Response deleted = owner().delete("/api/conversations/" + id + "/messages/" + message);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("isDeleted").asBoolean()).isTrue();
        assertThat(owner().delete("/api/conversations/" + id + "/messages/" + message).status()).isEqualTo(200);
        assertThat(owner().delete("/api/conversations/" + id + "/messages/" + UUID.randomUUID()).status())
                .isEqualTo(404);

        JsonNode shown = tenant().get("/api/conversations/" + id + "/messages").json().path("items").get(0);
        assertThat(shown.path("isDeleted").asBoolean()).isTrue();
        assertThat(shown.path("message").isNull()).isTrue();
        assertThat(shown.path("deletedAt").asString()).isNotEmpty();
        assertThat(tenant().get("/api/conversations/" + id).json().path("unread").asLong()).isZero();
    }

    @Test
    void aDeletedMessagesTextAndAttachmentsLeaveTheStoreWhichKeepsThatItWasDeletedByWhomAndWhen() {
        UUID agreement = UUID.randomUUID();
        head = Long.toString(store.append("Document", agreement, 0, uploaded(agreement, DocumentEntityType.LEASE,
                                                                             lease.id, DocumentType.LEASE_AGREEMENT,
                                                                             tenant)));
        String id = leaseConversation();
        Response sent = owner().post("/api/conversations/" + id + "/messages",
                                     Map.of("message", "The door code is 2580", "attachments", List.of(agreement)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String message = sent.json().path("id").asString();
        send(owner(), id, "See you at noon");

        Response deleted = owner().delete("/api/conversations/" + id + "/messages/" + message);
        assertThat(deleted.status()).isEqualTo(200);
        Document stored = mongo.findById(message, Document.class, "chat_messages");
        assertThat(stored).isNotNull();
        assertThat(stored.getBoolean("isDeleted")).isTrue();
        assertThat(stored.getString("deletedBy")).isEqualTo(owner.toString());
        assertThat(stored.getDate("deletedAt")).isNotNull();
        assertThat(stored.getString("senderId")).isEqualTo(owner.toString());
        assertThat(stored).doesNotContainKey("message");
        assertThat(stored.getList("attachments", Document.class)).isEmpty();
        assertThat(stored.toJson()).doesNotContain("2580").doesNotContain("papers.pdf");
        assertThat(mongo.getCollection("chat_messages").countDocuments(new Document("message", new Document(
                "$regex", "2580")))).as("no copy of the text anywhere in the collection").isZero();
        assertThat(texts(tenant().get("/api/conversations/" + id + "/messages").json()))
                .as("the other message keeps its text").contains("See you at noon");
    }

    @Test
    void messagesDeletedBeforeDeletingRemovedTheirTextLoseItWhenTheServiceStarts() {
        String id = leaseConversation();
        String message = send(owner(), id, "Old secret").json().path("id").asString();
        // As a message deleted before the text was removed is stored: marked, its text still there.
        mongo.getCollection("chat_messages").updateOne(new Document("_id", message), new Document(
                "$set", new Document("isDeleted", true).append("deletedAt", new java.util.Date())));

        conversations.removeContentOfDeletedMessages();

        Document stored = mongo.findById(message, Document.class, "chat_messages");
        assertThat(stored).doesNotContainKey("message");
        assertThat(stored.getBoolean("isDeleted")).isTrue();
    }

    @Test
    void anAttachmentMustBeADocumentEveryParticipantMayAlreadyRead() {
        UUID leaseAgreement = UUID.randomUUID();
        UUID ownersDeed = UUID.randomUUID();
        store.append("Document", leaseAgreement, 0, uploaded(leaseAgreement, DocumentEntityType.LEASE, lease.id,
                                                            DocumentType.LEASE_AGREEMENT, tenant));
        head = Long.toString(store.append("Document", ownersDeed, 0, uploaded(
                ownersDeed, DocumentEntityType.PROPERTY, lease.propertyId, DocumentType.PROPERTY_PAPERS, owner)));
        String id = leaseConversation();

        Response shared = owner().post("/api/conversations/" + id + "/messages",
                                       Map.of("message", "The agreement", "attachments", List.of(leaseAgreement)));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        JsonNode attachment = tenant().get("/api/conversations/" + id + "/messages").json()
                                      .path("items").get(0).path("attachments").get(0);
        assertThat(attachment.path("documentId").asString()).isEqualTo(leaseAgreement.toString());
        assertThat(attachment.path("fileName").asString()).isEqualTo("papers.pdf");
        assertThat(attachment.path("fileSize").asLong()).isEqualTo(2048);
        assertThat(attachment.path("mimeType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("url").asString()).isEqualTo("/api/documents/" + leaseAgreement + "/content");

        // The owner's deed is the property's: the tenant may not read it, so chat does not hand it over; nor an
        // unknown id.
        Response refused = owner().post("/api/conversations/" + id + "/messages", Map.of(
                "message", "The deed", "attachments", List.of(ownersDeed, UUID.randomUUID())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.badFields()).containsExactly("attachments[0]", "attachments[1]");
        assertThat(texts(owner().get("/api/conversations/" + id + "/messages").json()))
                .containsExactly("The agreement");
    }

    @Test
    void aTenantWhoseUnitIsVacatedLosesThePropertysConversation() {
        UUID tenancy = UUID.randomUUID();
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        long at = property.append(store, property.registered(), property.unitAdded(),
                                  property.occupied(property.unitId, tenancy, tenant));
        Response started = tenant().post("/api/conversations",
                                         Map.of("subjectType", "property", "subjectId", property.id),
                                         "X-Await-Position", Long.toString(at));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String id = started.json().path("id").asString();
        assertThat(send(tenant(), id, "The geyser is broken").status()).isEqualTo(201);

        at = property.append(store, property.vacated(property.unitId, tenancy));
        assertThat(tenant().get("/api/conversations/" + id, "X-Await-Position", Long.toString(at)).status())
                .isEqualTo(404);
        assertThat(tenant().get("/api/conversations").json().path("total").asLong()).isZero();
        assertThat(texts(owner().get("/api/conversations/" + id + "/messages").json()))
                .containsExactly("The geyser is broken");
    }

    @Test
    void theMessagesCollectionHasTheSeedsFieldsAndIndexes() {
        String id = leaseConversation();
        String message = send(owner(), id, "Hello").json().path("id").asString();
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(message)), Document.class,
                                        "chat_messages");
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).contains("conversationId", "senderId", "recipientId", "message", "attachments",
                                             "isRead", "readAt", "createdAt", "updatedAt", "isDeleted", "deletedAt");
        assertThat(stored.getString("conversationId")).isEqualTo(id);
        assertThat(stored.getString("senderId")).isEqualTo(owner.toString());
        assertThat(stored.get("createdAt")).isInstanceOf(java.util.Date.class);

        List<String> indexed = new ArrayList<>();
        mongo.getCollection("chat_messages").listIndexes()
             .forEach(index -> indexed.add(index.get("key", Document.class).keySet().toString()));
        assertThat(indexed).contains("[conversationId]", "[senderId]", "[recipientId]", "[createdAt]",
                                     "[conversationId, createdAt, _id]");
    }

    private static DocumentUploaded uploaded(UUID id, DocumentEntityType entityType, UUID entityId,
                                             DocumentType type, UUID by) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return new DocumentUploaded(new DocumentId(id), entityType, entityId, type, type.category(), "Papers", null,
                                    List.of(), AccessLevel.RESTRICTED,
                                    new StoredFile("f-" + id, "papers.pdf", 2048, "application/pdf", "aa", null),
                                    List.of(), new UserId(by), at, type.retentionPolicy(),
                                    at.plusSeconds(86400), type.complianceTags());
    }

    private static List<String> texts(JsonNode page) {
        return page.path("items").valueStream().map(m -> m.path("message").asString()).toList();
    }
}
