package io.alter8.query.notification;

import io.alter8.api.notification.NotificationChannelUpdated;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.api.user.UserErased;
import io.alter8.query.processing.AfterBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The in-app inbox, MongoDB collection {@code notifications} (the management model's shape): one document per
 * {@link NotificationIssued}, keyed by the notification's id. What the event says is written only when the document
 * is new ({@code $setOnInsert}); whether it was read or dismissed is the user's own state, which a redelivery or a
 * replay never touches. So the reset keeps the documents (a replay re-inserts only what is missing), and after each
 * batch its users' unread counts are counted again ({@link UnreadCounts}). Outside a replay
 * each new notification is also published on {@code notifications:{userId}} for the user's live stream.
 */
@Component
@ProcessingGroup(InboxProjector.PROCESSING_GROUP)
class InboxProjector {

    static final String PROCESSING_GROUP = "inbox";
    static final Set<String> CHANNELS = Set.of("email", "sms", "whatsapp");
    static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");
    /** Where notifications issued before greetings left the name open kept it. */
    private static final String NAMED = "personalizationData.firstName";

    private final MongoTemplate mongo;
    private final UnreadCounts counts;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    InboxProjector(MongoTemplate mongo, UnreadCounts counts, StringRedisTemplate redis, JsonMapper json) {
        this.mongo = mongo;
        this.counts = counts;
        this.redis = redis;
        this.json = json;
        var indexes = mongo.indexOps(UnreadCounts.COLLECTION);
        indexes.createIndex(new Index().on("userId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("isRead", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("createdAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("expiresAt", Sort.Direction.ASC));
    }

    @EventHandler
    void on(NotificationIssued event, @Timestamp Instant at, ReplayStatus replay) {
        UUID userId = event.userId().value();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userId", userId.toString());
        fields.put("type", event.type());
        fields.put("title", event.title());
        fields.put("message", event.message());
        fields.put("priority", event.priority());
        fields.put("referenceType", event.entityType());
        fields.put("referenceId", event.entityId());
        fields.put("actions", event.actions().stream()
                                   .map(a -> new Document("label", a.label()).append("url", a.url())
                                                                             .append("type", a.type())).toList());
        fields.put("templateId", event.templateId());
        fields.put("templateVersion", event.templateVersion());
        fields.put("language", event.language());
        fields.put("personalizationData", new Document(new LinkedHashMap<>(event.personalisation())));
        fields.put("createdAt", Date.from(at));
        fields.put("expiresAt", event.expiresAt() == null ? null : Date.from(event.expiresAt()));
        fields.put("isRead", false);
        fields.put("isDismissed", false);
        Update update = new Update();
        fields.forEach(update::setOnInsert);
        boolean inserted = mongo.upsert(Query.query(Criteria.where("_id").is(event.notificationId().toString())),
                                        update, UnreadCounts.COLLECTION).getUpsertedId() != null;
        Map<String, Object> message = null;
        if (inserted && !replay.isReplay()) {
            message = new LinkedHashMap<>();
            message.put("kind", "notification");
            message.put("id", event.notificationId().toString());
            // greeted without the name: the message passes through Redis, and the inbox fills it in on reading
            message.put("title", NotificationIssued.greeting(event.title(), null));
        }
        // Counted once per user per batch, after the batch: a count per event made a burst of notifications to one
        // user cost the square of its size (each count reads the user's whole inbox). Counted even when the document
        // was there already: a redelivery after a crash between its insert and the count must still mend the count.
        Map<String, Object> told = message;
        AfterBatch.<Map<UUID, List<Map<String, Object>>>>add(
                PROCESSING_GROUP, LinkedHashMap::new,
                news -> news.computeIfAbsent(userId, u -> new ArrayList<>()).add(told),
                news -> news.forEach(this::countAndTell));
    }

    /** Counts the user's unread notifications again and tells their live stream of the new ones, with the count. */
    private void countAndTell(UUID userId, List<Map<String, Object>> messages) {
        long unread = counts.recount(userId);
        messages.stream().filter(Objects::nonNull).forEach(message -> {
            message.put("unread", unread);
            redis.convertAndSend("notifications:" + userId, json.writeValueAsString(message));
        });
    }

    /**
     * A message of the notification went out or a provider reported on it: its channel's status and the time it
     * got there ({@code channels.<channel>.status}, {@code …sentAt}, {@code deliveredAt}, {@code readAt},
     * {@code failedAt}). Absolute values, so a redelivery or replay writes the same; the command side only moves a
     * status forward and this processor's single segment keeps the order. A notification not in the inbox (the user
     * did not want it in-app) has no document and is left so.
     */
    @EventHandler
    void on(NotificationChannelUpdated event) {
        if (!CHANNELS.contains(event.channel()) || !STATUSES.contains(event.status())) {
            return;
        }
        String channel = "channels." + event.channel() + ".";
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.notificationId().toString())),
                          new Update().set(channel + "status", event.status())
                                      .set(channel + event.status() + "At", Date.from(event.at())),
                          UnreadCounts.COLLECTION);
    }

    /**
     * Notifications issued before greetings left the name open carry the first name in their text and data: on the
     * user's erasure it leaves them, the greeting opened again as in newer ones (the inbox greets an erased user
     * without a name). A replay re-inserts only missing documents, with the name, and meets this event after them.
     */
    @EventHandler
    void on(UserErased event) {
        String userId = event.userId().value().toString();
        Query named = Query.query(Criteria.where("userId").is(userId).and(NAMED).exists(true));
        for (Document notification : mongo.find(named, Document.class, UnreadCounts.COLLECTION)) {
            String name = notification.get("personalizationData", Document.class).getString("firstName");
            Update update = new Update().unset(NAMED);
            if (name != null && !name.isBlank()) {
                update.set("title", unnamed(notification.getString("title"), name))
                      .set("message", unnamed(notification.getString("message"), name));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.get("_id"))), update,
                              UnreadCounts.COLLECTION);
        }
    }

    /** The greeting opening {@code text} ("Hello Asha, …", "नमस्ते Asha, …") with the name left open again. */
    static String unnamed(String text, String name) {
        return text == null ? null
                : text.replaceFirst("^(\\S+ )" + Pattern.quote(name) + ",",
                                    "$1" + Matcher.quoteReplacement(NotificationIssued.FIRST_NAME) + ",");
    }

    /**
     * Keeps the documents: read and dismissed marks exist nowhere else. The replay that follows re-inserts missing
     * notifications and counts every user's inbox again.
     */
    @ResetHandler
    void keepInboxes() {
        List<String> users = mongo.findDistinct(new Query(), "userId", UnreadCounts.COLLECTION, String.class);
        users.forEach(u -> counts.recount(UUID.fromString(u)));
    }
}
