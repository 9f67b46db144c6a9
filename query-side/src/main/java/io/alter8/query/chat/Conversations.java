package io.alter8.query.chat;

import io.alter8.api.common.PageView;
import io.alter8.web.ApiException;
import io.alter8.web.Paging;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Chat in MongoDB: {@code chat_conversations} (subject, participants) and {@code chat_messages} (the management
 * model's collection and indexes, with {@code readBy} per participant beside its {@code isRead}/{@code readAt}).
 * Chat is no domain state: nothing else decides anything from it, so it is written here, not as events
 * (docs/decisions.md, "Chat"). A deleted message keeps no text.
 */
@Component
public class Conversations {

    static final String PROPERTY = "property";
    static final String LEASE = "lease";
    static final String CONVERSATIONS = "chat_conversations";
    static final String MESSAGES = "chat_messages";

    /** A conversation as stored: who talks about what. Participants are fixed when it is made. */
    public record Conversation(UUID id, String subjectType, UUID subjectId, String title, List<UUID> participants,
                               UUID createdBy, Instant createdAt, Instant lastMessageAt) {
    }

    private final MongoTemplate mongo;
    private final EntityPeople people;

    Conversations(MongoTemplate mongo, EntityPeople people) {
        this.mongo = mongo;
        this.people = people;
    }

    /** The seed's indexes of chat_messages, the page order of one conversation, and a user's conversations. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        IndexOperations messages = mongo.indexOps(MESSAGES);
        for (String field : List.of("conversationId", "senderId", "recipientId", "createdAt")) {
            messages.createIndex(new Index().on(field, Sort.Direction.ASC));
        }
        messages.createIndex(new Index().on("conversationId", Sort.Direction.ASC)
                                        .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        IndexOperations conversations = mongo.indexOps(CONVERSATIONS);
        conversations.createIndex(new Index().on("participants", Sort.Direction.ASC)
                                             .on("lastMessageAt", Sort.Direction.DESC));
        conversations.createIndex(new Index().on("subjectId", Sort.Direction.ASC));
    }

    Conversation create(String subjectType, UUID subjectId, String title, List<UUID> participants, UUID by,
                        Instant at) {
        Conversation conversation = new Conversation(UUID.randomUUID(), subjectType, subjectId, title, participants,
                                                     by, at, at);
        mongo.insert(new Document("_id", conversation.id().toString()).append("subjectType", subjectType)
                             .append("subjectId", subjectId.toString()).append("title", title)
                             .append("participants", strings(participants)).append("createdBy", by.toString())
                             .append("createdAt", Date.from(at)).append("lastMessageAt", Date.from(at)),
                     CONVERSATIONS);
        return conversation;
    }

    /**
     * The conversation, if {@code user} is one of its participants and still one of the people of its subject;
     * otherwise 404, as for an unknown id, so an outsider learns nothing of it.
     */
    public Conversation forParticipant(UUID id, UUID user) {
        return find(id).filter(c -> c.participants().contains(user)
                                    && people.of(c.subjectType(), c.subjectId()).contains(user))
                       .orElseThrow(() -> ApiException.notFound("conversation", id));
    }

    /** Participants who may still read it: those still people of its subject (whom live messages reach). */
    public List<UUID> readers(UUID id) {
        return find(id).map(c -> {
            Set<UUID> current = people.of(c.subjectType(), c.subjectId());
            return c.participants().stream().filter(current::contains).toList();
        }).orElse(List.of());
    }

    /** Everyone the conversation was made with, whether or not still one of its subject's people. */
    public List<UUID> participants(UUID id) {
        return find(id).map(Conversation::participants).orElse(List.of());
    }

    Optional<Conversation> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), Document.class, CONVERSATIONS))
                       .map(Conversations::conversation);
    }

    /** The user's conversations about subjects they are still one of the people of, latest activity first. */
    PageView<Conversation> of(UUID user, Paging paging) {
        Criteria mine = Criteria.where("participants").is(user.toString())
                                .and("subjectId").in(strings(new ArrayList<>(people.subjectsOf(user))));
        Query page = new Query(mine).with(Sort.by(Sort.Order.desc("lastMessageAt"), Sort.Order.desc("_id")))
                                    .skip(paging.offset()).limit(paging.size());
        List<Conversation> items = mongo.find(page, Document.class, CONVERSATIONS).stream()
                                        .map(Conversations::conversation).toList();
        return new PageView<>(items, paging.page(), paging.size(), Paging.total(
                items.size(), paging.page(), paging.size(), () -> mongo.count(new Query(mine), CONVERSATIONS)));
    }

    Document addMessage(Conversation conversation, UUID sender, String text, List<Document> attachments,
                        Instant at) {
        List<UUID> others = conversation.participants().stream().filter(p -> !p.equals(sender)).toList();
        Document message = new Document("_id", UUID.randomUUID().toString())
                .append("conversationId", conversation.id().toString())
                .append("senderId", sender.toString())
                // The seed's recipient: the other participant of a conversation of two, none for a group.
                .append("recipientId", others.size() == 1 ? others.get(0).toString() : null)
                .append("message", text).append("attachments", attachments)
                .append("isRead", false).append("readAt", null).append("readBy", new Document())
                .append("createdAt", Date.from(at)).append("updatedAt", Date.from(at))
                .append("isDeleted", false).append("deletedAt", null);
        mongo.insert(message, MESSAGES);
        // Only ever moved forward, so two senders racing leave the later time.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation.id().toString())
                                              .and("lastMessageAt").lt(Date.from(at))),
                          new Update().set("lastMessageAt", Date.from(at)), CONVERSATIONS);
        return message;
    }

    /** One page, newest first, of the messages older than the cursor's (all, without one); {@code size + 1} asked. */
    List<Document> messages(UUID conversationId, MessageCursor before, int limit) {
        Criteria criteria = Criteria.where("conversationId").is(conversationId.toString());
        if (before != null) {
            Date at = Date.from(before.createdAt());
            criteria = criteria.orOperator(Criteria.where("createdAt").lt(at),
                                           Criteria.where("createdAt").is(at).and("_id").lt(before.id().toString()));
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                                             .limit(limit), Document.class, MESSAGES);
    }

    Optional<Document> message(UUID conversationId, UUID messageId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(messageId.toString())
                                                                     .and("conversationId")
                                                                     .is(conversationId.toString())),
                                                 Document.class, MESSAGES));
    }

    /** Messages of others that {@code user} has not read, deleted ones left out. */
    long unread(UUID conversationId, UUID user) {
        return mongo.count(new Query(unreadBy(conversationId, user)), MESSAGES);
    }

    /**
     * Marks every message of others in the conversation read by {@code user} now (a read receipt each), and a message
     * read by all its recipients {@code isRead}. Marking again changes nothing: a receipt keeps its first time.
     */
    void markRead(Conversation conversation, UUID user, Instant at) {
        mongo.updateMulti(new Query(unreadBy(conversation.id(), user)),
                          new Update().set("readBy." + user, Date.from(at)), MESSAGES);
        Criteria readByAll = Criteria.where("conversationId").is(conversation.id().toString()).and("isRead").is(false)
                                     .andOperator(conversation.participants().stream()
                                                              .map(p -> new Criteria().orOperator(
                                                                      Criteria.where("senderId").is(p.toString()),
                                                                      Criteria.where("readBy." + p).exists(true)))
                                                              .toArray(Criteria[]::new));
        mongo.updateMulti(new Query(readByAll), new Update().set("isRead", true).set("readAt", Date.from(at)),
                          MESSAGES);
    }

    /**
     * Deletes the message's content: its text and attachments are removed from the stored document, which keeps
     * that a message was there, that it was deleted, by whom and when. Deleting again changes nothing.
     */
    Document delete(Document message, UUID by, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.getString("_id")).and("isDeleted").is(false)),
                          withoutContent(new Update().set("isDeleted", true).set("deletedAt", Date.from(at))
                                                     .set("deletedBy", by.toString())
                                                     .set("updatedAt", Date.from(at))), MESSAGES);
        return mongo.findById(message.getString("_id"), Document.class, MESSAGES);
    }

    /** What deleting removes: the text and the attachments (the names of the documents shared). */
    private static Update withoutContent(Update update) {
        return update.unset("message").set("attachments", List.of());
    }

    /** Messages deleted before deleting removed their content lose it now; a later start finds none. */
    @EventListener(ApplicationReadyEvent.class)
    void removeContentOfDeletedMessages() {
        mongo.updateMulti(Query.query(Criteria.where("isDeleted").is(true).and("message").exists(true)),
                          withoutContent(new Update()), MESSAGES);
    }

    private static Criteria unreadBy(UUID conversationId, UUID user) {
        return Criteria.where("conversationId").is(conversationId.toString()).and("senderId").ne(user.toString())
                       .and("isDeleted").is(false).and("readBy." + user).exists(false);
    }

    private static Conversation conversation(Document d) {
        return new Conversation(UUID.fromString(d.getString("_id")), d.getString("subjectType"),
                                UUID.fromString(d.getString("subjectId")), d.getString("title"),
                                d.getList("participants", String.class).stream().map(UUID::fromString).toList(),
                                UUID.fromString(d.getString("createdBy")), d.getDate("createdAt").toInstant(),
                                d.getDate("lastMessageAt").toInstant());
    }

    private static List<String> strings(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }
}
