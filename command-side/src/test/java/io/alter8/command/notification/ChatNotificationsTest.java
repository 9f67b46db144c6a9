package io.alter8.command.notification;

import io.alter8.api.chat.ChatNotice;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.TestUsers;
import io.alter8.command.auth.TestUsers.User;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.EmbeddedMail;
import io.alter8.infra.stack.EmbeddedMail.ReceivedMail;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chat notices, as the query side's chat queues them in MongoDB, become one notification each once due, through the
 * notifications' own path on the embedded stack: an inbox event and an e-mail that say how many messages wait, never
 * what they say; a notice not yet due waits; a notice issued again (a crash after the claim) sends nothing twice.
 */
@CommandSideTest
class ChatNotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SECRET = "the key is under the mat";

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChatNotifications chat;
    @Autowired
    Clock clock;
    User owner;
    final UUID conversation = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        owner = TestUsers.register(new ApiClient("http://localhost:" + port), "owner", "a long enough password");
        // The rules learn a user's name and language from their registration.
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification_recipient WHERE user_id = ?", Long.class, owner.id()) == 1);
    }

    /** A notice as the query side's chat writes it, of {@code messages} messages, due at {@code due}. */
    String queued(int messages, Instant due, String status) {
        String id = UUID.randomUUID().toString();
        mongo.getCollection(ChatNotice.COLLECTION).insertOne(new Document("_id", id)
                // Pending, the recipient's open notice of a conversation (each test's own); claimed, its own id.
                .append(ChatNotice.OPEN_KEY, status.equals(ChatNotice.PENDING)
                        ? ChatNotice.openKey(UUID.randomUUID(), owner.id()) : id)
                .append(ChatNotice.CONVERSATION, conversation.toString())
                .append(ChatNotice.RECIPIENT, owner.id().toString())
                .append(ChatNotice.SUBJECT_TYPE, "lease")
                .append(ChatNotice.SUBJECT, UUID.randomUUID().toString())
                .append(ChatNotice.MESSAGE_IDS, java.util.stream.IntStream.range(0, messages)
                                                                .mapToObj(i -> UUID.randomUUID().toString()).toList())
                .append(ChatNotice.FIRST_AT, Date.from(due.minusSeconds(120)))
                .append(ChatNotice.LAST_AT, Date.from(due.minusSeconds(60)))
                .append(ChatNotice.DUE, Date.from(due))
                .append(ChatNotice.STATUS, status)
                .append(ChatNotice.CLAIMED_AT, status.equals(ChatNotice.ISSUING)
                        ? Date.from(clock.instant().minus(Duration.ofMinutes(10))) : null));
        return id;
    }

    List<ReceivedMail> mails() {
        return EmbeddedMail.shared().messagesTo(owner.email()).stream()
                           .filter(m -> m.subject().startsWith("New messages")).toList();
    }

    long inAppEvents() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type = 'io.alter8.api.notification.NotificationIssued'
                  AND convert_from(payload, 'UTF8') LIKE ? AND convert_from(payload, 'UTF8') LIKE '%chat_message%'""",
                                   Long.class, "%" + owner.id() + "%");
    }

    String status(String notice) {
        return mongo.getCollection(ChatNotice.COLLECTION).find(new Document("_id", notice)).first()
                    .getString(ChatNotice.STATUS);
    }

    @Test
    void aDueNoticeOfThreeMessagesIsOneNotificationInTheInboxAndByEmailWithoutTheirText() {
        String notice = queued(3, clock.instant().minusSeconds(1), ChatNotice.PENDING);
        String later = queued(1, clock.instant().plus(Duration.ofMinutes(2)), ChatNotice.PENDING);

        // The scheduled run may be first; either way the notice ends issued.
        chat.issueDue();
        await().atMost(PATIENCE).until(() -> status(notice).equals(ChatNotice.ISSUED));
        assertThat(status(later)).as("not due yet").isEqualTo(ChatNotice.PENDING);
        assertThat(inAppEvents()).isEqualTo(1);
        String issued = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                WHERE payload_type = 'io.alter8.api.notification.NotificationIssued' AND convert_from(payload, 'UTF8')
                LIKE ?""", String.class, "%" + owner.id() + "%chat_message%");
        assertThat(issued).contains("3 new message(s)").contains("/conversations/" + conversation)
                          .doesNotContain(SECRET);

        await().atMost(PATIENCE).until(() -> !mails().isEmpty());
        ReceivedMail mail = mails().get(0);
        assertThat(mail.subject()).isEqualTo("New messages about your lease on Alter8");
        assertThat(mail.body()).contains("3 new message(s)").doesNotContain(SECRET);

        chat.issueDue();
        assertThat(inAppEvents()).as("issued once").isEqualTo(1);
        assertThat(mails()).hasSize(1);
    }

    @Test
    void aNoticeLeftIssuingByACrashIsTakenUpAgainAndSentOnce() {
        String notice = queued(2, clock.instant().minusSeconds(600), ChatNotice.ISSUING);
        chat.issueDue();
        await().atMost(PATIENCE).until(() -> status(notice).equals(ChatNotice.ISSUED));
        assertThat(inAppEvents()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> mails().size() == 1);

        // Claimed again as if the first run died after issuing: the notification's id is taken already.
        mongo.getCollection(ChatNotice.COLLECTION).updateOne(new Document("_id", notice), new Document(
                "$set", new Document(ChatNotice.STATUS, ChatNotice.ISSUING)
                .append(ChatNotice.CLAIMED_AT, Date.from(clock.instant().minus(Duration.ofMinutes(10))))));
        chat.issueDue();
        await().atMost(PATIENCE).until(() -> status(notice).equals(ChatNotice.ISSUED));
        assertThat(inAppEvents()).isEqualTo(1);
        assertThat(mails()).hasSize(1);
    }
}
