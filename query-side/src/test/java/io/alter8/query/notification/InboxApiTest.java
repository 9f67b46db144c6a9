package io.alter8.query.notification;

import io.alter8.api.common.UserId;
import io.alter8.api.notification.NotificationAction;
import io.alter8.api.notification.NotificationChannelUpdated;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.api.user.Role;
import io.alter8.api.user.UserErased;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.user.UserTestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The in-app inbox from NotificationIssued events: unread first then newest, read, read all, dismiss, expiry, only
 * one's own; and the Redis unread count always equal to the true count, after redeliveries, races and a rebuild.
 */
@QuerySideTest
class InboxApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    EventStoreFixture store = EventStoreFixture.shared();
    UUID user;
    ApiClient me;

    @BeforeEach
    void setUp() {
        user = UUID.randomUUID();
        me = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(user, "tenant"));
    }

    @Test
    void theInboxListsUnreadFirstThenNewestAndReadingAndDismissingKeepTheCountTrue() {
        UUID first = issue(user, "First", null);
        UUID second = issue(user, "Second", null);
        UUID third = issue(user, "Third", null);
        String head = Long.toString(store.head());
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 3);

        assertThat(me.post("/api/notifications/" + second + "/read", "").json().path("unread").asLong()).isEqualTo(2);
        Response list = me.get("/api/notifications", "X-Await-Position", head);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(titles(list)).containsExactly("Third", "First", "Second");
        assertThat(list.json().path("items").get(2).path("isRead").asBoolean()).isTrue();
        assertThat(list.json().path("items").get(0).path("actions").get(0).path("url").asString())
                .isEqualTo("/leases/1");

        assertThat(me.post("/api/notifications/" + third + "/dismiss", "").json().path("unread").asLong())
                .isEqualTo(1);
        assertThat(titles(me.get("/api/notifications"))).containsExactly("First", "Second");
        assertThat(me.post("/api/notifications/read-all", "").json().path("unread").asLong()).isZero();
        assertThat(me.get("/api/notifications/unread-count").json().path("unread").asLong()).isZero();
        assertThat(redis.opsForValue().get("notifications:count:" + user)).isEqualTo("0");
        assertThat(first).isNotNull();
    }

    @Test
    void anotherUsersNotificationIsNotFoundAndNobodyReadsWithoutAToken() {
        UUID mine = issue(user, "Mine", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 1);
        ApiClient other = new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(),
                                                                                             "tenant"));
        Response refused = other.post("/api/notifications/" + mine + "/read", "");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).hasValue("application/problem+json");
        assertThat(other.get("/api/notifications").json().path("total").asLong()).isZero();
        assertThat(new ApiClient("http://localhost:" + port).get("/api/notifications").status()).isEqualTo(401);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aRedeliveredEventChangesNothingAndAnExpiredNotificationIsNeitherListedNorCounted() {
        UUID id = UUID.randomUUID();
        store.append("Notification", UUID.randomUUID(), 0, issued(id, user, "Once", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 1);
        me.post("/api/notifications/" + id + "/read", "");
        // The same notification delivered again (say, after a crash before the token moved): still one, still read.
        store.append("Notification", UUID.randomUUID(), 0, issued(id, user, "Once", null));
        issue(user, "Gone", Instant.now().minusSeconds(60));
        issue(user, "Later", null);
        String head = Long.toString(store.head());
        assertThat(me.get("/api/notifications", "X-Await-Position", head).json().path("total").asLong())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 1);
        assertThat(titles(me.get("/api/notifications"))).containsExactly("Later", "Once");
    }

    @Test
    void eachChannelsDeliveryShowsWithTheTimeOfEachStep() {
        UUID id = issue(user, "Delivered", null);
        Instant sent = Instant.parse("2026-12-07T10:00:00Z");
        UUID outbox = UUID.randomUUID();
        store.append("Notification", outbox, 0, channel(id, "email", "sent", sent));
        store.append("Notification", outbox, 1, channel(id, "email", "read", sent.plusSeconds(60)));
        store.append("Notification", outbox, 2, channel(id, "sms", "sent", sent));
        store.append("Notification", outbox, 3, channel(id, "sms", "failed", sent.plusSeconds(5)));
        // Nobody's inbox gains a notification it never had from a channel's news.
        store.append("Notification", outbox, 4, channel(UUID.randomUUID(), "email", "sent", sent));
        String head = Long.toString(store.head());

        Response list = me.get("/api/notifications", "X-Await-Position", head);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var channels = list.json().path("items").get(0).path("channels");
        assertThat(channels.path("email").path("status").asString()).isEqualTo("read");
        assertThat(channels.path("email").path("sentAt").asString()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(channels.path("email").path("readAt").asString()).isEqualTo("2026-12-07T10:01:00Z");
        assertThat(channels.path("sms").path("status").asString()).isEqualTo("failed");
        assertThat(channels.path("sms").path("failedAt").asString()).isEqualTo("2026-12-07T10:00:05Z");
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void readsRacingEachOtherLeaveTheTrueCount() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(issue(user, "N" + i, null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 12);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (UUID id : ids.subList(0, 8)) {
                answers.add(pool.submit(() -> me.post("/api/notifications/" + id + "/read", "")));
                answers.add(pool.submit(() -> me.post("/api/notifications/" + id + "/read", "")));
            }
            for (Future<Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count()).isEqualTo(4);
        assertThat(redis.opsForValue().get("notifications:count:" + user)).isEqualTo("4");
    }

    @Test
    void afterARebuildTheCountsAreTheTrueOnesAndReadMarksSurvive() {
        UUID read = issue(user, "Read before", null);
        issue(user, "Unread", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 2);
        me.post("/api/notifications/" + read + "/read", "");
        // A count gone wrong (a lost write, a bug): the rebuild must mend it from the inbox itself.
        redis.opsForValue().set("notifications:count:" + user, "7");
        String head = Long.toString(store.head());

        Rebuilds.rebuild(new ApiClient("http://localhost:" + port).withToken(TestTokens.mint(UUID.randomUUID(),
                                                                                             "admin")),
                         InboxProjector.PROCESSING_GROUP, head);

        assertThat(redis.opsForValue().get("notifications:count:" + user)).isEqualTo("1");
        assertThat(me.get("/api/notifications").json().path("items").get(1).path("isRead").asBoolean()).isTrue();
        assertThat(me.get("/api/notifications").json().path("total").asLong()).isEqualTo(2);
    }

    /**
     * The inbox greets its reader by the first name the user directory has now: notifications leave it open, and ones
     * issued before they did have it taken out when the user is erased. Either way an erased user's inbox, which they
     * can no longer read, holds their name nowhere.
     */
    @Test
    void theGreetingIsTheReadersNameWhenReadAndAfterAnErasureNobodysEvenInOlderNotifications() {
        store.append("UserAccount", user, 0, UserTestEvents.registered(user, "Asha", "Rao", Role.TENANT));
        UUID open = UUID.randomUUID();
        store.append("Notification", UUID.randomUUID(), 0, new NotificationIssued(
                open, new UserId(user), "lease_activated", "medium", "Your lease is now active",
                "Hello " + NotificationIssued.FIRST_NAME + ", your lease is in force until 2027-12-31.", "lease", "1",
                List.of(), "lease_activated", 1, "en", Map.of("endDate", "2027-12-31"), null));
        UUID older = UUID.randomUUID();
        store.append("Notification", UUID.randomUUID(), 0, new NotificationIssued(
                older, new UserId(user), "lease_activated", "medium", "Your lease is now active",
                "Hello Asha, your lease is in force until 2026-12-31.", "lease", "2", List.of(), "lease_activated", 1,
                "en", Map.of("endDate", "2026-12-31", "firstName", "Asha"), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 2 && me.get("/api/notifications").body()
                .contains("Hello Asha, your lease is in force until 2027-12-31."));
        assertThat(messages()).containsExactlyInAnyOrder("Hello Asha, your lease is in force until 2027-12-31.",
                                                         "Hello Asha, your lease is in force until 2026-12-31.");

        store.append("UserAccount", user, 1, new UserErased(new UserId(user), "the user's request", true,
                                                           UserId.random()));

        await().atMost(Duration.ofSeconds(30)).until(() -> stored().stream().noneMatch(
                d -> d.toJson().contains("Asha")));
        assertThat(stored()).extracting(d -> d.getString("message")).containsExactlyInAnyOrder(
                "Hello " + NotificationIssued.FIRST_NAME + ", your lease is in force until 2027-12-31.",
                "Hello " + NotificationIssued.FIRST_NAME + ", your lease is in force until 2026-12-31.");
        assertThat(NotificationIssued.greeting("Hello " + NotificationIssued.FIRST_NAME + ", your lease", null))
                .as("as the inbox greets a user without a name").isEqualTo("Hello there, your lease");
    }

    /** The user's notifications as stored in MongoDB. */
    private List<Document> stored() {
        return mongo.find(Query.query(Criteria.where("userId").is(user.toString())), Document.class,
                          UnreadCounts.COLLECTION);
    }

    private List<String> messages() {
        List<String> messages = new ArrayList<>();
        me.get("/api/notifications").json().path("items").forEach(n -> messages.add(n.path("message").asString()));
        return messages;
    }

    private UUID issue(UUID to, String title, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        store.append("Notification", UUID.randomUUID(), 0, issued(id, to, title, expiresAt));
        return id;
    }

    private static NotificationIssued issued(UUID id, UUID to, String title, Instant expiresAt) {
        return new NotificationIssued(id, new UserId(to), "lease_activated", "medium", title, title + " message",
                                      "lease", "1", List.of(new NotificationAction("View", "/leases/1", "link")),
                                      "lease_activated", 1, "en", Map.of("endDate", "2027-12-31"), expiresAt);
    }

    private NotificationChannelUpdated channel(UUID id, String channel, String status, Instant at) {
        return new NotificationChannelUpdated(id, new UserId(user), channel, status, at);
    }

    private long count() {
        return me.get("/api/notifications/unread-count").json().path("unread").asLong();
    }

    private static List<String> titles(Response list) {
        List<String> titles = new ArrayList<>();
        list.json().path("items").forEach(n -> titles.add(n.path("title").asString()));
        return titles;
    }
}
