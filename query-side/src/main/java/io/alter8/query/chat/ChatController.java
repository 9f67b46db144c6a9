package io.alter8.query.chat;

import io.alter8.api.common.DocumentId;
import io.alter8.api.common.PageView;
import io.alter8.api.document.DocumentView;
import io.alter8.query.cache.SafeRedis;
import io.alter8.query.chat.Conversations.Conversation;
import io.alter8.query.chat.Presence.PresenceView;
import io.alter8.query.document.DocumentQueries;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.FieldError;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.ApiSecurityConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.alter8.web.security.CurrentUser;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.alter8.query.mongo.MongoFields.instant;

/**
 * Conversations between the people of a property or a lease, and their messages. Only participants read or write,
 * and only while they are still people of the subject; to anyone else a conversation does not exist (404). Each
 * message, receipt and deletion is also published on {@code chat:messages:{conversationId}} for live streams.
 */
@RestController
@ReadModel({"property-listing", "leases", "documents"})
@Tag(name = "Chat", description = "Conversations about a property or a lease")
class ChatController {

    static final String CHANNEL = "chat:messages:";
    private static final int MAX_MESSAGE = 4000;
    private static final String[] PARTY_ROLES = {"owner", "tenant", "agent", "property_manager"};

    private final Conversations conversations;
    private final EntityPeople people;
    private final DocumentQueries documents;
    private final Presence presence;
    private final AbsentParticipants absent;
    private final SafeRedis redis;
    private final JsonMapper json;
    private final Clock clock;

    ChatController(Conversations conversations, EntityPeople people, DocumentQueries documents, Presence presence,
                   AbsentParticipants absent, SafeRedis redis, JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.people = people;
        this.documents = documents;
        this.presence = presence;
        this.absent = absent;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    record ConversationRequest(
            @NotNull @Pattern(regexp = "property|lease", message = "must be property or lease") String subjectType,
            @NotNull UUID subjectId,
            @Size(max = 200) String title,
            @Size(max = 20) List<@NotNull UUID> participantIds) {
    }

    record ChatMessageRequest(@NotBlank @Size(max = MAX_MESSAGE) String message,
                              @Size(max = 10) List<@NotNull UUID> attachments) {
    }

    record ConversationView(UUID id, String subjectType, UUID subjectId, String title, List<UUID> participants,
                            UUID createdBy, Instant createdAt, Instant lastMessageAt, long unread) {
    }

    record ChatAttachmentView(UUID documentId, String fileName, long fileSize, String mimeType, String url) {
    }

    record ChatMessageView(UUID id, UUID conversationId, UUID senderId, UUID recipientId, String message,
                           List<ChatAttachmentView> attachments, Map<UUID, Instant> readBy, boolean isRead,
                           Instant readAt, Instant createdAt, Instant updatedAt, boolean isDeleted,
                           Instant deletedAt) {
    }

    record ChatMessagePage(List<ChatMessageView> items, int size, String nextCursor) {
    }

    record ConversationUnreadView(long unread) {
    }

    @PostMapping(value = "/api/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a conversation about a property or a lease",
               description = "The caller must be one of its people (owner, listing agent or manager of a property, "
                       + "tenants of its occupied units; a lease's owner, agent, manager and tenants), else 404. "
                       + "participantIds (all the people, when left out) must each be one of them. 201.")
    ResponseEntity<ConversationView> start(@Valid @RequestBody ConversationRequest request) {
        UUID me = CurrentUser.require().id();
        Set<UUID> subjectPeople = people.of(request.subjectType(), request.subjectId());
        if (!subjectPeople.contains(me)) {
            throw ApiException.notFound(request.subjectType(), request.subjectId());
        }
        Set<UUID> participants = new LinkedHashSet<>();
        participants.add(me);
        if (request.participantIds() == null) {
            participants.addAll(subjectPeople);
        } else {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < request.participantIds().size(); i++) {
                UUID named = request.participantIds().get(i);
                if (!subjectPeople.contains(named)) {
                    errors.add(new FieldError("participantIds[" + i + "]",
                                              "is not one of the people of this " + request.subjectType()));
                }
                participants.add(named);
            }
            if (!errors.isEmpty()) {
                throw ApiException.badInput(errors);
            }
        }
        if (participants.size() < 2) {
            throw ApiException.badInput("participantIds", "must name someone besides you");
        }
        Conversation made = conversations.create(request.subjectType(), request.subjectId(), request.title(),
                                                 List.copyOf(participants), me, clock.instant());
        presence.touch(me);
        return ResponseEntity.created(URI.create("/api/conversations/" + made.id())).body(view(made, 0));
    }

    @GetMapping(value = "/api/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My conversations", description = "Latest activity first, each with my unread count. Paged.")
    PageView<ConversationView> mine(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        UUID me = CurrentUser.require().id();
        Paging paging = Paging.parse(page, size, null, Set.of("lastMessageAt"), "lastMessageAt");
        PageView<Conversation> found = conversations.of(me, paging);
        return new PageView<>(found.items().stream().map(c -> view(c, conversations.unread(c.id(), me))).toList(),
                              found.page(), found.size(), found.total());
    }

    @GetMapping(value = "/api/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One of my conversations", description = "404 unless I am a participant.")
    ConversationView one(@PathVariable UUID id) {
        UUID me = CurrentUser.require().id();
        return view(conversations.forParticipant(id, me), conversations.unread(id, me));
    }

    @GetMapping(value = "/api/conversations/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Messages, newest first",
               description = "size (1-100, 20) messages older than the cursor `before` (nextCursor of the page "
                       + "before; the newest without one). nextCursor is null on the last page. Deleted messages "
                       + "show as deleted, without text or attachments.")
    ChatMessagePage messages(@PathVariable UUID id, @RequestParam(required = false) String before,
                             @RequestParam(required = false) Integer size) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.parse(0, size, null, Set.of(), null, errors);
        MessageCursor cursor = null;
        try {
            cursor = MessageCursor.decode(before, "before");
        } catch (ApiException bad) {
            errors.add(new FieldError("before", bad.problem().getDetail()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        conversations.forParticipant(id, CurrentUser.require().id());
        List<Document> found = conversations.messages(id, cursor, paging.size() + 1);
        List<ChatMessageView> items = found.stream().limit(paging.size()).map(ChatController::view).toList();
        String next = found.size() > paging.size()
                ? new MessageCursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id()).encode() : null;
        return new ChatMessagePage(items, paging.size(), next);
    }

    @GetMapping(value = "/api/conversations/{id}/messages/{messageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One message of one of my conversations")
    ChatMessageView message(@PathVariable UUID id, @PathVariable UUID messageId) {
        conversations.forParticipant(id, CurrentUser.require().id());
        return view(conversations.message(id, messageId)
                                 .orElseThrow(() -> ApiException.notFound("message", messageId)));
    }

    @PostMapping(value = "/api/conversations/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a message",
               description = "Text of 1 to 4000 characters and up to 10 attachments: ids of documents (uploaded "
                       + "through the documents feature) that every participant may read already, else 400 naming "
                       + "the attachment. 201. Participants with no live stream open are notified (inbox, and the "
                       + "channels they chose), once for a burst of messages and without their text.")
    ResponseEntity<ChatMessageView> send(@PathVariable UUID id, @Valid @RequestBody ChatMessageRequest request) {
        UUID me = CurrentUser.require().id();
        Conversation conversation = conversations.forParticipant(id, me);
        List<Document> attachments = attachments(conversation, request.attachments());
        Document stored = conversations.addMessage(conversation, me, request.message(), attachments,
                                                   clock.instant());
        ChatMessageView sent = view(stored);
        presence.touch(me);
        publish(id, "message", Map.of("message", sent));
        absent.sent(conversation, me, sent.id().toString(), sent.createdAt());
        return ResponseEntity.created(URI.create("/api/conversations/" + id + "/messages/" + sent.id())).body(sent);
    }

    @PostMapping(value = "/api/conversations/{id}/read", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark the conversation read",
               description = "Every message of the others so far gets my read receipt, and a notification of "
                       + "them not yet sent to me is dropped; answers my unread count.")
    ConversationUnreadView read(@PathVariable UUID id) {
        UUID me = CurrentUser.require().id();
        Conversation conversation = conversations.forParticipant(id, me);
        Instant now = clock.instant();
        conversations.markRead(conversation, me, now);
        absent.read(id, me);
        presence.touch(me);
        publish(id, "read", Map.of("userId", me, "readAt", now));
        return new ConversationUnreadView(conversations.unread(id, me));
    }

    @DeleteMapping(value = "/api/conversations/{id}/messages/{messageId}",
                   produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Delete my message",
               description = "Only its author (403 for other participants). It stays in its place, shown as "
                       + "deleted, by whom and when; its text and attachments are removed from the store and from "
                       + "the participants' live-stream replay. Deleting again changes nothing.")
    ChatMessageView delete(@PathVariable UUID id, @PathVariable UUID messageId) {
        UUID me = CurrentUser.require().id();
        conversations.forParticipant(id, me);
        Document message = conversations.message(id, messageId)
                                        .orElseThrow(() -> ApiException.notFound("message", messageId));
        if (!me.toString().equals(message.getString("senderId"))) {
            throw new ApiException(ApiSecurityConfiguration.forbidden());
        }
        ChatMessageView deleted = view(conversations.delete(message, me, clock.instant()));
        presence.touch(me);
        publish(id, "deleted", Map.of("messageId", messageId));
        return deleted;
    }

    @GetMapping(value = "/api/conversations/{id}/presence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who of the participants is online",
               description = "online while active in the last five minutes (a chat write or an open live stream), "
                       + "offline otherwise, with the time last active when known.")
    List<PresenceView> presence(@PathVariable UUID id) {
        return presence.of(conversations.forParticipant(id, CurrentUser.require().id()).participants());
    }

    /**
     * Each attachment as the message keeps it: the document's name, size and type as the documents view has them,
     * and where the command side serves it. Refused unless every participant may read the document already: chat
     * shares a reference, never access, which only the document's own rules and grants give.
     */
    private List<Document> attachments(Conversation conversation, List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        List<Document> kept = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            DocumentId documentId = new DocumentId(ids.get(i));
            List<DocumentView> seen = conversation.participants().stream()
                    .map(p -> documents.find(documentId, p, false).orElse(null)).toList();
            if (seen.contains(null)) {
                errors.add(new FieldError("attachments[" + i + "]", "is not a document every participant of this "
                        + "conversation may read (grant them read access to it first)"));
                continue;
            }
            DocumentView document = seen.get(0);
            kept.add(new Document("documentId", documentId.toString()).append("fileName", document.fileName())
                             .append("fileSize", document.fileSize()).append("mimeType", document.mimeType())
                             .append("url", "/api/documents/" + documentId + "/content"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badInput(errors);
        }
        return kept;
    }

    /** Tells live streams; the message is stored already, so Redis being away costs only the live copy. */
    private void publish(UUID conversationId, String kind, Map<String, Object> fields) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", kind);
        event.put("conversationId", conversationId);
        event.putAll(fields);
        String text = json.writeValueAsString(event);
        redis.call(r -> r.convertAndSend(CHANNEL + conversationId, text), null);
    }

    private static ConversationView view(Conversation c, long unread) {
        return new ConversationView(c.id(), c.subjectType(), c.subjectId(), c.title(), c.participants(),
                                    c.createdBy(), c.createdAt(), c.lastMessageAt(), unread);
    }

    static ChatMessageView view(Document d) {
        boolean deleted = Boolean.TRUE.equals(d.getBoolean("isDeleted"));
        Map<UUID, Instant> readBy = new LinkedHashMap<>();
        Document receipts = d.get("readBy", Document.class);
        if (receipts != null) {
            receipts.forEach((user, at) -> readBy.put(UUID.fromString(user), ((Date) at).toInstant()));
        }
        List<ChatAttachmentView> attachments = deleted ? List.of()
                : d.getList("attachments", Document.class, List.of()).stream()
                   .map(a -> new ChatAttachmentView(UUID.fromString(a.getString("documentId")),
                                                    a.getString("fileName"), a.get("fileSize", Number.class)
                                                                              .longValue(),
                                                    a.getString("mimeType"), a.getString("url"))).toList();
        String recipient = d.getString("recipientId");
        return new ChatMessageView(UUID.fromString(d.getString("_id")), UUID.fromString(d.getString("conversationId")),
                                   UUID.fromString(d.getString("senderId")),
                                   recipient == null ? null : UUID.fromString(recipient),
                                   deleted ? null : d.getString("message"), attachments, readBy,
                                   Boolean.TRUE.equals(d.getBoolean("isRead")), instant(d.getDate("readAt")),
                                   instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")), deleted,
                                   instant(d.getDate("deletedAt")));
    }

    /** Chat is for the people of properties and leases: the roles that can be one. */
    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/conversations", "/api/conversations/**").hasAnyRole(PARTY_ROLES);
        }
    }
}
