package io.alter8.command.notification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.alter8.api.chat.ChatNotice;
import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationAction;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues the chat notices the query side's chat queued ({@link ChatNotice}) once they are due: one notification of
 * type {@value #TYPE} per notice, through the one path every notification takes ({@link KeyedNotices}: the inbox,
 * and the channels the user chose, after quiet hours), under the notice's id, so a notice issued again (a crash
 * between the two steps, another node) is sent once. A notice is claimed first (pending to issuing, and out of the
 * way of new messages, which open a new one); one left issuing by a crash is taken up again after
 * {@link #STUCK}. The notification says how many messages wait and where, never what they say: no rule of the
 * project lets a chat message's text into an e-mail or an SMS.
 */
@Component
class ChatNotifications {

    static final String TYPE = "chat_message";
    static final Duration STUCK = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(ChatNotifications.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KeyedNotices notices;
    private final Clock clock;

    ChatNotifications(MongoTemplate mongo, KeyedNotices notices, Clock clock) {
        this.mongo = mongo;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${alter8.notifications.chat:PT10S}", initialDelayString = "PT10S")
    void scheduled() {
        try {
            issueDue();
        } catch (RuntimeException e) {
            log.warn("Chat notices not issued, tried again next time: {}", e.getClass().getSimpleName());
        }
    }

    /** Issues every notice due now; answers how many notifications that was. */
    int issueDue() {
        Instant now = clock.instant();
        int issued = 0;
        List<ChatNotice> claimed;
        do {
            claimed = claimDue(now);
            for (ChatNotice notice : claimed) {
                issued += notices.issue(List.of(notice), ChatNotifications::cause, ChatNotifications::notices);
                collection().updateOne(Filters.eq("_id", notice.id().toString()), Updates.combine(
                        Updates.set(ChatNotice.STATUS, ChatNotice.ISSUED),
                        Updates.set(ChatNotice.ISSUED_AT, Date.from(clock.instant()))));
            }
        } while (claimed.size() == BATCH);
        return issued;
    }

    private List<ChatNotice> claimDue(Instant now) {
        List<ChatNotice> claimed = new ArrayList<>();
        var due = Filters.or(
                Filters.and(Filters.eq(ChatNotice.STATUS, ChatNotice.PENDING), Filters.lte(ChatNotice.DUE,
                                                                                           Date.from(now))),
                Filters.and(Filters.eq(ChatNotice.STATUS, ChatNotice.ISSUING),
                            Filters.lt(ChatNotice.CLAIMED_AT, Date.from(now.minus(STUCK)))));
        for (Document candidate : collection().find(due).limit(BATCH)) {
            String id = candidate.getString("_id");
            // Conditional on what was read: of two nodes, one claims it.
            Document mine = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id),
                                Filters.eq(ChatNotice.STATUS, candidate.getString(ChatNotice.STATUS)),
                                Filters.eq(ChatNotice.OPEN_KEY, candidate.getString(ChatNotice.OPEN_KEY))),
                    Updates.combine(Updates.set(ChatNotice.STATUS, ChatNotice.ISSUING),
                                    Updates.set(ChatNotice.OPEN_KEY, id),
                                    Updates.set(ChatNotice.CLAIMED_AT, Date.from(now))),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (mine != null) {
                claimed.add(notice(mine));
            }
        }
        return claimed;
    }

    private static String cause(ChatNotice notice) {
        return "chat:" + notice.id();
    }

    private static List<Notice> notices(ChatNotice notice) {
        return List.of(new Notice(
                new UserId(notice.recipientId()), TYPE, Priority.MEDIUM, "conversation",
                notice.conversationId().toString(),
                List.of(new NotificationAction("Open the conversation", "/conversations/" + notice.conversationId(),
                                               "link")),
                Map.of("count", Integer.toString(notice.messages()), "subject", notice.subjectType()), null));
    }

    private static ChatNotice notice(Document d) {
        return new ChatNotice(UUID.fromString(d.getString("_id")),
                              UUID.fromString(d.getString(ChatNotice.CONVERSATION)),
                              UUID.fromString(d.getString(ChatNotice.RECIPIENT)), d.getString(ChatNotice.SUBJECT_TYPE),
                              UUID.fromString(d.getString(ChatNotice.SUBJECT)),
                              d.getList(ChatNotice.MESSAGE_IDS, String.class, List.of()).size(),
                              d.getDate(ChatNotice.DUE).toInstant());
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(ChatNotice.COLLECTION);
    }
}
