package io.alter8.query.chat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.alter8.api.chat.ChatNotice;
import io.alter8.query.chat.Conversations.Conversation;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Tells the participants who are not connected of new messages: each participant still one of the subject's people,
 * but the sender, with no live stream open ({@link Presence#connected}) joins the message to their open notice of
 * the conversation ({@link ChatNotice}), opened by the first such message and due {@code alter8.chat.notify-after}
 * later, so that a burst of messages makes one notification. A connected participant was sent the message on their
 * stream, and is not told again. Reading the conversation drops the notice not yet issued.
 */
@Component
class AbsentParticipants {

    private final MongoTemplate mongo;
    private final Conversations conversations;
    private final Presence presence;
    private final Duration notifyAfter;

    AbsentParticipants(MongoTemplate mongo, Conversations conversations, Presence presence,
                       @Value("${alter8.chat.notify-after:PT2M}") Duration notifyAfter) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.presence = presence;
        this.notifyAfter = notifyAfter;
    }

    /** One open notice per conversation and recipient; the issuer finds the due ones. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        notices().createIndex(Indexes.ascending(ChatNotice.OPEN_KEY), new IndexOptions().unique(true));
        notices().createIndex(Indexes.ascending(ChatNotice.STATUS, ChatNotice.DUE));
    }

    /** Message {@code messageId}, sent by {@code sender} at {@code at}, for those of the others not connected. */
    void sent(Conversation conversation, UUID sender, String messageId, Instant at) {
        for (UUID recipient : conversations.readers(conversation.id())) {
            if (!recipient.equals(sender) && !presence.connected(recipient)) {
                join(conversation, recipient, messageId, at);
            }
        }
    }

    /** {@code user} read the conversation: what their open notice would tell them, they know. */
    void read(UUID conversationId, UUID user) {
        notices().deleteOne(Filters.and(Filters.eq(ChatNotice.OPEN_KEY, ChatNotice.openKey(conversationId, user)),
                                        Filters.eq(ChatNotice.STATUS, ChatNotice.PENDING)));
    }

    private void join(Conversation conversation, UUID recipient, String messageId, Instant at) {
        var filter = Filters.eq(ChatNotice.OPEN_KEY, ChatNotice.openKey(conversation.id(), recipient));
        var update = Updates.combine(
                Updates.setOnInsert("_id", UUID.randomUUID().toString()),
                Updates.setOnInsert(ChatNotice.CONVERSATION, conversation.id().toString()),
                Updates.setOnInsert(ChatNotice.RECIPIENT, recipient.toString()),
                Updates.setOnInsert(ChatNotice.SUBJECT_TYPE, conversation.subjectType()),
                Updates.setOnInsert(ChatNotice.SUBJECT, conversation.subjectId().toString()),
                Updates.setOnInsert(ChatNotice.FIRST_AT, Date.from(at)),
                Updates.setOnInsert(ChatNotice.DUE, Date.from(at.plus(notifyAfter))),
                Updates.setOnInsert(ChatNotice.STATUS, ChatNotice.PENDING),
                Updates.addToSet(ChatNotice.MESSAGE_IDS, messageId),
                Updates.max(ChatNotice.LAST_AT, Date.from(at)));
        try {
            notices().updateOne(filter, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another message opened the notice at the same moment: join it.
            notices().updateOne(filter, update);
        }
    }

    private MongoCollection<Document> notices() {
        return mongo.getCollection(ChatNotice.COLLECTION);
    }
}
