package io.alter8.query.notification;

import io.alter8.api.common.PageView;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.query.web.ReadModel;
import io.alter8.web.ApiException;
import io.alter8.web.Paging;
import io.alter8.web.security.AccessRules;
import io.alter8.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.alter8.query.mongo.MongoFields.instant;

/**
 * Each user's own inbox: list (unread first, newest first), unread count, mark read, mark all read, dismiss. Reading
 * and dismissing are the user's state of their inbox, not domain facts, so they are written here, in MongoDB, and
 * the count is counted again after each. Another user's notification answers 404.
 */
@RestController
@ReadModel(InboxProjector.PROCESSING_GROUP)
@Tag(name = "Notifications", description = "The in-app inbox")
class InboxController {

    private final MongoTemplate mongo;
    private final UnreadCounts counts;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboxController(MongoTemplate mongo, UnreadCounts counts, JdbcTemplate jdbc, Clock clock) {
        this.mongo = mongo;
        this.counts = counts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record NotificationActionView(String label, String url, String type) {
    }

    /**
     * One channel's delivery: {@code sent}, {@code delivered}, {@code read} (an e-mail opened) or {@code failed}, and
     * when each was reached.
     */
    record ChannelView(String status, Instant sentAt, Instant deliveredAt, Instant readAt, Instant failedAt) {
    }

    record InboxNotificationView(UUID id, String type, String priority, String title, String message,
                                 String referenceType, String referenceId, List<NotificationActionView> actions,
                                 boolean isRead, Instant readAt, Instant createdAt, Instant expiresAt,
                                 Map<String, ChannelView> channels) {
    }

    record UnreadCountView(long unread) {
    }

    @GetMapping(value = "/api/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My notifications", description = "Unread first, then newest first; dismissed and expired "
            + "ones are left out. Paged.")
    PageView<InboxNotificationView> list(@RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        UUID me = CurrentUser.require().id();
        Paging paging = Paging.parse(page, size, null, Set.of("createdAt"), "createdAt");
        Query query = new Query(counts.visible(me))
                .with(Sort.by(Sort.Order.asc("isRead"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip(paging.offset()).limit(paging.size());
        String firstName = firstName(me);
        List<InboxNotificationView> items = mongo.find(query, Document.class, UnreadCounts.COLLECTION).stream()
                                                 .map(d -> view(d, firstName)).toList();
        return new PageView<>(items, paging.page(), paging.size(), Paging.total(
                items.size(), paging.page(), paging.size(),
                () -> mongo.count(new Query(counts.visible(me)), UnreadCounts.COLLECTION)));
    }

    @GetMapping(value = "/api/notifications/unread-count", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "How many of my notifications are unread")
    UnreadCountView unread() {
        return new UnreadCountView(counts.of(CurrentUser.require().id()));
    }

    @PostMapping(value = "/api/notifications/{id}/read", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark one of my notifications read", description = "Answers the unread count; 404 if it "
            + "is not mine. Marking a read one again changes nothing.")
    UnreadCountView read(@PathVariable UUID id) {
        return change(id, new Update().set("isRead", true).set("readAt", Date.from(clock.instant())),
                      Criteria.where("isRead").is(false));
    }

    @PostMapping(value = "/api/notifications/{id}/dismiss", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Dismiss one of my notifications", description = "It leaves the inbox and the count; 404 "
            + "if it is not mine.")
    UnreadCountView dismiss(@PathVariable UUID id) {
        return change(id, new Update().set("isDismissed", true).set("dismissedAt", Date.from(clock.instant()))
                                      .set("actionTaken", "dismissed"),
                      Criteria.where("isDismissed").is(false));
    }

    @PostMapping(value = "/api/notifications/read-all", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark all my notifications read", description = "Answers the unread count (0).")
    UnreadCountView readAll() {
        UUID me = CurrentUser.require().id();
        mongo.updateMulti(new Query(Criteria.where("userId").is(me.toString()).and("isRead").is(false)),
                          new Update().set("isRead", true).set("readAt", Date.from(clock.instant())),
                          UnreadCounts.COLLECTION);
        return new UnreadCountView(counts.recount(me));
    }

    private UnreadCountView change(UUID id, Update update, Criteria unlessAlready) {
        UUID me = CurrentUser.require().id();
        Criteria mine = Criteria.where("_id").is(id.toString()).and("userId").is(me.toString());
        if (!mongo.exists(new Query(mine), UnreadCounts.COLLECTION)) {
            throw ApiException.notFound("notification", id);
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id.toString()).and("userId").is(me.toString())
                                            .andOperator(unlessAlready)), update, UnreadCounts.COLLECTION);
        return new UnreadCountView(counts.recount(me));
    }

    /** Expired notifications leave inboxes: deleted, and their users' counts counted again. */
    @Scheduled(fixedDelayString = "${alter8.notifications.expiry-sweep:PT1M}")
    void removeExpired() {
        Query expired = new Query(Criteria.where("expiresAt").lt(Date.from(clock.instant())));
        List<String> users = mongo.findDistinct(expired, "userId", UnreadCounts.COLLECTION, String.class);
        mongo.remove(expired, UnreadCounts.COLLECTION);
        users.forEach(u -> counts.recount(UUID.fromString(u)));
    }

    /**
     * The caller's first name as the user directory has it now, to greet them with: notifications leave it open
     * ({@link NotificationIssued#FIRST_NAME}), so an erasure, which clears the directory's, takes it out of the inbox.
     */
    private String firstName(UUID me) {
        return jdbc.query("SELECT first_name FROM user_directory WHERE id = ?", (rs, n) -> rs.getString(1), me)
                   .stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static InboxNotificationView view(Document d, String firstName) {
        List<NotificationActionView> actions = d.getList("actions", Document.class, List.of()).stream()
                .map(a -> new NotificationActionView(a.getString("label"), a.getString("url"), a.getString("type")))
                .toList();
        return new InboxNotificationView(UUID.fromString(d.getString("_id")), d.getString("type"),
                                         d.getString("priority"),
                                         NotificationIssued.greeting(d.getString("title"), firstName),
                                         NotificationIssued.greeting(d.getString("message"), firstName),
                                         d.getString("referenceType"), d.getString("referenceId"), actions,
                                         Boolean.TRUE.equals(d.getBoolean("isRead")), instant(d.getDate("readAt")),
                                         instant(d.getDate("createdAt")), instant(d.getDate("expiresAt")),
                                         channels(d.get("channels", Document.class)));
    }

    /** The e-mail, SMS and WhatsApp messages of the notification, as far as they got; empty before any went out. */
    private static Map<String, ChannelView> channels(Document channels) {
        Map<String, ChannelView> views = new TreeMap<>();
        if (channels != null) {
            channels.forEach((channel, value) -> {
                if (value instanceof Document c) {
                    views.put(channel, new ChannelView(c.getString("status"), instant(c.getDate("sentAt")),
                                                       instant(c.getDate("deliveredAt")), instant(c.getDate("readAt")),
                                                       instant(c.getDate("failedAt"))));
                }
            });
        }
        return views;
    }

    @Component
    static class Rules implements AccessRules {

        @Override
        public void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
            rules.requestMatchers("/api/notifications", "/api/notifications/**").authenticated();
        }
    }
}
