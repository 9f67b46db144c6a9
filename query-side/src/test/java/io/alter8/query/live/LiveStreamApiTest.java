package io.alter8.query.live;

import io.alter8.api.chat.ChatNotice;
import io.alter8.api.common.UserId;
import io.alter8.api.lease.LeaseApprovalStatus;
import io.alter8.api.lease.LeaseParty;
import io.alter8.api.notification.NotificationIssued;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.TestTokens;
import io.alter8.query.EventStoreFixture;
import io.alter8.query.QuerySideTest;
import io.alter8.query.Rebuilds;
import io.alter8.query.lease.LeaseTestEvents;
import io.alter8.query.live.SseClient.Event;
import io.alter8.query.property.TestEvents;
import io.alter8.web.security.AccountStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream through real SSE connections: a lease change and a chat message reach the tenant; a reconnect
 * with Last-Event-ID gets what was missed and nothing earlier, and never a deleted message's text; an outsider's
 * stream never carries another conversation; a participant with no stream open is queued one notice for a burst of
 * messages, one connected none; an admin's broadcast reaches whoever is connected; presence lives five minutes and
 * expires; streams are limited per user, hold no servlet thread, and end when the service stops.
 */
@QuerySideTest
class LiveStreamApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventStreams streams;
    @Autowired
    WebServerApplicationContext context;
    @Autowired
    RedisMessageListenerContainer liveChannelListener;
    EventStoreFixture store = EventStoreFixture.shared();

    final UUID owner = UUID.randomUUID();
    final UUID tenant = UUID.randomUUID();
    final List<SseClient> opened = new ArrayList<>();

    @BeforeEach
    void subscribed() {
        // The service subscribes in the background (a slow Redis must not stop it starting).
        await().atMost(WAIT).until(liveChannelListener::isListening);
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(SseClient::close);
    }

    String base() {
        return "http://localhost:" + port;
    }

    SseClient connect(UUID user, String role, String lastEventId) {
        SseClient client = SseClient.connect(base(), TestTokens.mint(user, role), lastEventId);
        opened.add(client);
        return client;
    }

    ApiClient as(UUID user, String role) {
        return new ApiClient(base()).withToken(TestTokens.mint(user, role));
    }

    /** A lease of the tenant with the owner, and the conversation the owner starts on it; answers its id. */
    String leaseConversation(LeaseTestEvents lease) {
        String head = Long.toString(store.append("Lease", lease.id, 0, lease.proposed(tenant, tenant)));
        Response started = as(owner, "owner").post("/api/conversations", Map.of("subjectType", "lease",
                                                                                  "subjectId", lease.id),
                                                  "X-Await-Position", head);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asString();
    }

    void say(String conversation, String text) {
        assertThat(as(owner, "owner").post("/api/conversations/" + conversation + "/messages",
                                          Map.of("message", text)).status()).isEqualTo(201);
    }

    static JsonNode data(Event event) {
        return JSON.readTree(event.data());
    }

    static List<String> chatTexts(SseClient client) {
        return client.named("chat").stream().map(e -> data(e).path("message").path("message").asString()).toList();
    }

    @Test
    void aTenantsStreamReceivesAChangeOfTheirLeaseAndAMessageOfTheirConversation() {
        SseClient stream = connect(tenant, "tenant", null);
        assertThat(stream.status).isEqualTo(200);
        assertThat(stream.contentType).startsWith("text/event-stream");
        LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        String conversation = leaseConversation(lease);

        await().atMost(WAIT).until(() -> !stream.named("lease").isEmpty());
        Event change = stream.named("lease").get(0);
        assertThat(change.id()).matches("\\d+-\\d+");
        assertThat(data(change).path("kind").asString()).isEqualTo("lease_changed");
        assertThat(data(change).path("aggregateId").asString()).isEqualTo(lease.id.toString());
        assertThat(data(change).path("event").asString()).isEqualTo("LeaseProposed");
        assertThat(data(change).path("position").asLong()).isPositive();

        say(conversation, "Welcome home");
        await().atMost(WAIT).until(() -> chatTexts(stream).contains("Welcome home"));
        Event chat = stream.named("chat").get(0);
        assertThat(data(chat).path("conversationId").asString()).isEqualTo(conversation);
        assertThat(EventStreams.compare(chat.id(), change.id())).isPositive();
    }

    @Test
    void anOwnersStreamHearsOfTheirPropertyAndItsUnitsAndAStrangersDoesNot() {
        SseClient owners = connect(owner, "owner", null);
        SseClient strangers = connect(UUID.randomUUID(), "owner", null);
        TestEvents.Listing property = new TestEvents.Listing().owner(owner);
        property.append(store, property.registered(), property.unitAdded());

        await().atMost(WAIT).until(() -> owners.named("property").size() >= 2 && !owners.named("unit").isEmpty());
        assertThat(owners.named("property")).extracting(e -> data(e).path("event").asString())
                                           .containsExactly("PropertyRegistered", "UnitAdded");
        JsonNode unit = data(owners.named("unit").get(0));
        assertThat(unit.path("kind").asString()).isEqualTo("unit_changed");
        assertThat(unit.path("unitId").asString()).isEqualTo(property.unitId.toString());
        assertThat(unit.path("aggregateId").asString()).isEqualTo(property.id.toString());
        assertThat(unit.path("event").asString()).isEqualTo("UnitAdded");
        assertThat(strangers.events).isEmpty();
    }

    @Test
    void aNewNotificationReachesItsUserWithTheUnreadCount() {
        SseClient stream = connect(tenant, "tenant", null);
        UUID notification = UUID.randomUUID();
        store.append("Notification", UUID.randomUUID(), 0, new NotificationIssued(
                notification, new UserId(tenant), "lease_activated", "medium", "Your lease is active", "Welcome",
                "lease", "1", List.of(), "lease_activated", 1, "en", Map.of(), null));

        await().atMost(WAIT).until(() -> !stream.named("notification").isEmpty());
        JsonNode data = data(stream.named("notification").get(0));
        assertThat(data.path("id").asString()).isEqualTo(notification.toString());
        assertThat(data.path("title").asString()).isEqualTo("Your lease is active");
        assertThat(data.path("unread").asLong()).isEqualTo(1);
    }

    @Test
    void aReplayOfTheLeasesTellsNobodyOfChanges() {
        SseClient stream = connect(tenant, "tenant", null);
        LeaseTestEvents lease = new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner);
        String head = Long.toString(store.append("Lease", lease.id, 0, lease.proposed(tenant, tenant)));
        await().atMost(WAIT).until(() -> stream.named("lease").size() == 1);

        Rebuilds.rebuild(as(UUID.randomUUID(), "admin"), LiveChanges.LEASES, head);
        // A change after the replay is told again, and it is the only other one the tenant hears of.
        store.append("Lease", lease.id, 1, lease.approved(LeaseParty.TENANT, tenant,
                                                           LeaseApprovalStatus.TENANT_APPROVED));
        await().atMost(WAIT).until(() -> stream.named("lease").size() >= 2);
        assertThat(stream.named("lease")).extracting(e -> data(e).path("event").asString())
                                         .containsExactly("LeaseProposed", "LeaseApproved");
    }

    @Test
    void aReconnectWithLastEventIdGetsTheMissedEventsAndNotTheEarlierOnes() {
        String conversation = leaseConversation(new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner));
        SseClient first = connect(tenant, "tenant", null);
        say(conversation, "one");
        await().atMost(WAIT).until(() -> chatTexts(first).contains("one"));
        String seen = first.named("chat").get(0).id();
        first.close();

        say(conversation, "two");
        say(conversation, "three");
        // Kept for the tenant while they are away (the buffer is what a reconnect reads).
        await().atMost(WAIT).until(() -> redis.opsForStream().size(ReplayBuffer.key(tenant)) >= 3);

        SseClient again = connect(tenant, "tenant", seen);
        await().atMost(WAIT).until(() -> chatTexts(again).size() >= 2);
        assertThat(chatTexts(again)).containsExactly("two", "three");
        assertThat(again.named("resync")).isEmpty();

        // An id older than anything kept: the client is told some events may be lost, then gets what is kept.
        SseClient stale = connect(tenant, "tenant", "1-0");
        await().atMost(WAIT).until(() -> chatTexts(stale).size() >= 3);
        assertThat(stale.named("resync")).hasSize(1);
    }

    @Test
    void aDeletedMessageLeavesTheReplayBufferSoAReconnectNeverReplaysItsText() {
        String conversation = leaseConversation(new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner));
        SseClient first = connect(tenant, "tenant", null);
        say(conversation, "the safe code is 9713");
        say(conversation, "see you");
        await().atMost(WAIT).until(() -> chatTexts(first).contains("see you"));
        String before = first.named("chat").get(0).id();
        assertThat(buffered(tenant)).anyMatch(data -> data.contains("9713"));
        first.close();
        String secret = as(owner, "owner").get("/api/conversations/" + conversation + "/messages").json()
                                          .path("items").get(1).path("id").asString();

        Response deleted = as(owner, "owner").delete("/api/conversations/" + conversation + "/messages/" + secret);
        assertThat(deleted.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> buffered(tenant).stream().anyMatch(data -> data.contains("\"deleted\"")));
        assertThat(buffered(tenant)).noneMatch(data -> data.contains("9713"))
                                    .anyMatch(data -> data.contains("see you"));

        // A reconnect from before the message replays the rest, and the deletion, but never the deleted text.
        SseClient again = connect(tenant, "tenant", "0-1");
        await().atMost(WAIT).until(() -> again.named("chat").stream()
                                               .anyMatch(e -> data(e).path("kind").asString().equals("deleted")));
        assertThat(again.events).noneMatch(e -> e.data().contains("9713"));
        assertThat(chatTexts(again)).contains("see you");
        assertThat(EventStreams.compare(again.named("chat").get(0).id(), before)).isPositive();
    }

    @Test
    void aBurstOfMessagesToAnAbsentParticipantMakesOneNoticeAndAConnectedOneGetsNone() {
        String conversation = leaseConversation(new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner));
        SseClient tenants = connect(tenant, "tenant", null);
        assertThat(tenants.status).isEqualTo(200);

        // The owner writes to the connected tenant: the stream carries it, and no notice is queued for them.
        say(conversation, "are you home?");
        await().atMost(WAIT).until(() -> chatTexts(tenants).contains("are you home?"));
        assertThat(notices(tenant)).isEmpty();

        // The tenant writes three messages to the owner, who has no stream open: one notice, of three messages.
        ApiClient tenantApi = as(tenant, "tenant");
        for (String text : List.of("yes", "the boiler leaks", "call me")) {
            assertThat(tenantApi.post("/api/conversations/" + conversation + "/messages", Map.of("message", text))
                                .status()).isEqualTo(201);
        }
        List<Document> queued = notices(owner);
        assertThat(queued).hasSize(1);
        Document notice = queued.get(0);
        assertThat(notice.getString(ChatNotice.CONVERSATION)).isEqualTo(conversation);
        assertThat(notice.getString(ChatNotice.SUBJECT_TYPE)).isEqualTo("lease");
        assertThat(notice.getString(ChatNotice.STATUS)).isEqualTo(ChatNotice.PENDING);
        assertThat(notice.getList(ChatNotice.MESSAGE_IDS, String.class)).hasSize(3).doesNotHaveDuplicates();
        assertThat(Duration.between(notice.getDate(ChatNotice.FIRST_AT).toInstant(),
                                    notice.getDate(ChatNotice.DUE).toInstant())).isEqualTo(Duration.ofMinutes(2));
        assertThat(notice.toJson()).as("a notice says how many, not what").doesNotContain("boiler");

        // Reading the conversation drops the notice; the next message opens a new one.
        assertThat(as(owner, "owner").post("/api/conversations/" + conversation + "/read", "").status())
                .isEqualTo(200);
        assertThat(notices(owner)).isEmpty();
        assertThat(tenantApi.post("/api/conversations/" + conversation + "/messages", Map.of("message", "thanks"))
                            .status()).isEqualTo(201);
        assertThat(notices(owner)).singleElement()
                                  .satisfies(d -> assertThat(d.getList(ChatNotice.MESSAGE_IDS, String.class))
                                          .hasSize(1));
    }

    /** The chat notices queued for {@code user}. */
    List<Document> notices(UUID user) {
        return mongo.getCollection(ChatNotice.COLLECTION).find(new Document(ChatNotice.RECIPIENT, user.toString()))
                    .into(new ArrayList<>());
    }

    /** The data of every entry kept in the user's replay buffer. */
    List<String> buffered(UUID user) {
        return redis.opsForStream().range(ReplayBuffer.key(user), org.springframework.data.domain.Range.unbounded())
                    .stream().map(entry -> String.valueOf(entry.getValue().get("data"))).toList();
    }

    @Test
    void anOutsidersStreamNeverCarriesAnotherConversationsMessages() {
        String conversation = leaseConversation(new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner));
        UUID outsider = UUID.randomUUID();
        SseClient theirs = connect(outsider, "tenant", null);
        SseClient tenants = connect(tenant, "tenant", null);

        say(conversation, "the gate code is 4711");
        await().atMost(WAIT).until(() -> chatTexts(tenants).contains("the gate code is 4711"));
        // One thread hands each message to every stream it concerns; it is done with this one, so the outsider's
        // stream and buffer would hold it by now.
        assertThat(theirs.named("chat")).isEmpty();
        assertThat(theirs.events).noneMatch(e -> e.data().contains("4711"));
        assertThat(redis.hasKey(ReplayBuffer.key(outsider))).isFalse();
    }

    @Test
    void anAdminsBroadcastReachesAConnectedUserAndOnlyAdminsSendOne() {
        SseClient stream = connect(tenant, "tenant", null);
        ApiClient admin = as(UUID.randomUUID(), "admin");

        Response sent = admin.post("/api/admin/broadcasts", Map.of("title", "Maintenance tonight",
                                                                    "message", "The site is down 01:00-02:00 UTC"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> stream.named("broadcast").stream()
                                               .anyMatch(e -> data(e).path("id").asString()
                                                                     .equals(sent.json().path("id").asString())));
        Event broadcast = stream.named("broadcast").get(stream.named("broadcast").size() - 1);
        assertThat(data(broadcast).path("title").asString()).isEqualTo("Maintenance tonight");
        assertThat(broadcast.id()).matches("\\d+-\\d+");

        Response refused = as(owner, "owner").post("/api/admin/broadcasts", Map.of("title", "x", "message", "y"));
        assertThat(refused.status()).isEqualTo(403);
        Response bad = admin.post("/api/admin/broadcasts", Map.of("title", " ", "message", "x".repeat(2001)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactlyInAnyOrder("title", "message");
        assertThat(new ApiClient(base()).post("/api/admin/broadcasts", Map.of("title", "x", "message", "y"))
                                        .status()).isEqualTo(401);
    }

    @Test
    void presenceIsOnlineForFiveMinutesFromTheLastActivityThenOffline() {
        String conversation = leaseConversation(new LeaseTestEvents(UUID.randomUUID(), UUID.randomUUID(), owner));
        String key = "chat:presence:" + tenant;
        assertThat(redis.hasKey(key)).isFalse();
        connect(tenant, "tenant", null);

        Long ttl = redis.getExpire(key);
        assertThat(ttl).isBetween(290L, 300L);
        assertThat(redis.opsForHash().get(key, "status")).isEqualTo("online");
        JsonNode seen = presenceOf(tenant, conversation);
        assertThat(seen.path("status").asString()).isEqualTo("online");
        assertThat(seen.path("lastActive").asString()).isNotEmpty();

        // The owner has no stream: their chat write made them present, for five minutes.
        say(conversation, "still there?");
        String owners = "chat:presence:" + owner;
        assertThat(redis.getExpire(owners)).isBetween(290L, 300L);
        assertThat(as(tenant, "tenant").get("/api/conversations/" + conversation + "/presence").json()
                                       .findValues("status").stream().map(JsonNode::asString))
                .containsOnly("online");
        // Five minutes without activity: the key lapses, and the owner shows offline.
        redis.expire(owners, Duration.ofMillis(1));
        await().atMost(WAIT).until(() -> !redis.hasKey(owners));
        assertThat(presenceOf(owner, conversation).path("status").asString()).isEqualTo("offline");
        assertThat(as(UUID.randomUUID(), "tenant").get("/api/conversations/" + conversation + "/presence").status())
                .isEqualTo(404);
    }

    @Test
    void streamsNeedATokenAreLimitedPerUserAndHoldNoServletThread() {
        SseClient anonymous = SseClient.connect(base(), null, null);
        assertThat(anonymous.status).isEqualTo(401);
        assertThat(anonymous.contentType).startsWith("application/problem+json");
        SseClient badId = connect(tenant, "tenant", "yesterday");
        assertThat(badId.status).isEqualTo(400);
        assertThat(badId.body).contains("Last-Event-ID");

        List<UUID> users = List.of(tenant, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID user : users) {
            for (int i = 0; i < 3; i++) {
                assertThat(connect(user, "owner", null).status).isEqualTo(200);
            }
        }
        SseClient fourth = connect(tenant, "owner", null);
        assertThat(fourth.status).isEqualTo(429);
        assertThat(fourth.contentType).startsWith("application/problem+json");
        assertThat(fourth.body).contains("too-many-streams");

        // Twelve streams are open, yet the request threads are idle again: each stream is an async request.
        org.apache.tomcat.util.threads.ThreadPoolExecutor threads = (org.apache.tomcat.util.threads.ThreadPoolExecutor) ((TomcatWebServer) context.getWebServer())
                .getTomcat().getConnector().getProtocolHandler().getExecutor();
        await().atMost(WAIT).until(() -> threads.getActiveCount() <= 1);
        assertThat(streams.openStreams()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void aStreamWhoseSessionEndedIsClosedAtTheNextHeartbeat() {
        UUID ended = UUID.randomUUID();
        SseClient loggedOut = SseClient.connect(base(), TestTokens.mintForSession(tenant, ended, "tenant"), null);
        SseClient stillIn = SseClient.connect(base(), TestTokens.mintForSession(tenant, UUID.randomUUID(), "tenant"),
                                              null);
        opened.addAll(List.of(loggedOut, stillIn));
        assertThat(loggedOut.status).isEqualTo(200);

        // What the command side's logout writes before it answers.
        redis.opsForValue().set(AccountStatus.revokedSessionKey(ended), "1", Duration.ofMinutes(16));
        streams.beat();

        await().atMost(WAIT).until(loggedOut::ended);
        assertThat(stillIn.ended()).isFalse();
    }

    @Test
    void stoppingTheServiceEndsEveryStream() {
        SseClient stream = connect(tenant, "tenant", null);
        try {
            streams.stop();
            await().atMost(WAIT).until(stream::ended);
            assertThat(streams.openStreams()).isZero();
            assertThat(connect(owner, "owner", null).status).isEqualTo(503);
        } finally {
            streams.start();
        }
        assertThat(connect(owner, "owner", null).status).isEqualTo(200);
    }

    private JsonNode presenceOf(UUID user, String conversation) {
        for (JsonNode p : as(owner, "owner").get("/api/conversations/" + conversation + "/presence").json()) {
            if (p.path("userId").asString().equals(user.toString())) {
                return p;
            }
        }
        throw new AssertionError("no presence of " + user);
    }
}
