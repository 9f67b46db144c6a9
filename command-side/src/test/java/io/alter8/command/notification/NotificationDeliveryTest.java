package io.alter8.command.notification;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.alter8.api.common.NotificationChannel;
import io.alter8.command.CommandSideTest;
import io.alter8.command.auth.SentMessages;
import io.alter8.infra.stack.ApiClient;
import io.alter8.infra.stack.ApiClient.Response;
import io.alter8.infra.stack.EmbeddedMail;
import io.alter8.infra.stack.EmbeddedMail.ReceivedMail;
import io.alter8.infra.stack.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages really leave: e-mails arrive in the embedded SMTP server, SMS at the provider's stub; failures are
 * retried with back-off and dead-lettered; a message is sent once per channel however often it is queued, and one
 * that Redis lost, or that was scheduled, goes out when it is due.
 */
@CommandSideTest
class NotificationDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @LocalServerPort
    int port;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    DeliverySettings settings;
    ApiClient anonymous;

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient("http://localhost:" + port);
    }

    @Test
    void aSignUpsCodesArriveByEmailAndSmsAndAreStoredOnlySealed() {
        String email = "mail-" + UUID.randomUUID() + "@example.com";
        String phone = phone();
        Response started = anonymous.asAnotherClient().post("/api/auth/register", """
                {"email": "%s", "phone": "%s", "firstName": "Asha", "lastName": "Rao", "role": "owner",
                 "country": "IN", "password": "a long enough password"}""".formatted(email, phone));
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> EmbeddedMail.shared().messagesTo(email),
                                                           m -> !m.isEmpty()).get(0);
        String emailCode = SentMessages.latestCode(email, "otp_email_verification").orElseThrow();
        assertThat(mail.subject()).isEqualTo("Your Alter8 verification code");
        assertThat(mail.body()).contains("Your Alter8 e-mail verification code is " + emailCode + ".");

        String sms = await().atMost(PATIENCE).until(() -> ProviderStub.requestsTo("sms", phone), r -> !r.isEmpty())
                            .get(0).getBodyAsString();
        String phoneCode = SentMessages.latestCode(phone, "otp_phone_verification").orElseThrow();
        assertThat(sms).contains("phone verification code is " + phoneCode);

        assertThat(jdbc.queryForList("SELECT status, payload::text AS payload FROM notification_outbox "
                                     + "WHERE destination IN (?, ?)", email, phone))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("sent");
                    assertThat((String) row.get("payload")).doesNotContain(emailCode, phoneCode);
                });
        // The codes sent are the ones that finish the sign-up.
        Response done = anonymous.asAnotherClient().post("/api/auth/register/verify", """
                {"registrationId": "%s", "emailCode": "%s", "phoneCode": "%s"}""".formatted(
                started.json().path("registrationId").asString(), emailCode, phoneCode));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
    }

    @Test
    void anEmailArrivesInTheSmtpServerWithItsTemplatesText() {
        String email = "notice-" + UUID.randomUUID() + "@example.com";
        UUID id = transaction.execute(s -> outbox.enqueue(NotificationChannel.EMAIL, email, "registration_attempt",
                                                          Map.of("contact", "phone number")));

        ReceivedMail mail = await().atMost(PATIENCE).until(() -> EmbeddedMail.shared().messagesTo(email),
                                                           m -> !m.isEmpty()).get(0);
        assertThat(mail.subject()).isEqualTo("Someone tried to sign up with your phone number");
        assertThat(mail.from()).isEqualTo("no-reply@alter8.local");
        assertThat(row(id)).containsEntry("status", "sent").containsEntry("attempts", 1);
        assertThat(row(id).get("sent_at")).isNotNull();
    }

    @Test
    void anSmsThatFailsTwiceAtTheProviderGoesOutOnceOnTheThirdTry() {
        String phone = phone();
        String scenario = "flaky-" + phone;
        var stub = ProviderStub.server();
        stub.stubFor(post(urlEqualTo("/sms")).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                                             .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                                             .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        stub.stubFor(post(urlEqualTo("/sms")).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                                             .inScenario(scenario).whenScenarioStateIs("failed once")
                                             .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        stub.stubFor(post(urlEqualTo("/sms")).atPriority(1).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                                             .inScenario(scenario).whenScenarioStateIs("failed twice")
                                             .willReturn(aResponse().withStatus(200).withBody("{\"id\": \"sms-42\"}")));

        UUID id = transaction.execute(s -> outbox.enqueue(NotificationChannel.SMS, phone, "registration_attempt",
                                                          Map.of("contact", "phone number")));

        await().atMost(PATIENCE).until(() -> "sent".equals(row(id).get("status")));
        assertThat(row(id)).containsEntry("attempts", 3).containsEntry("provider_message_id", "sms-42");
        // Three calls, the last one taken; nothing is sent after it.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
               .until(() -> ProviderStub.requestsTo("sms", phone).size() == 3);
        assertThat(ProviderStub.requestsTo("sms", phone).get(2).getHeader("Authorization"))
                .isEqualTo("Bearer test-sms-token");
    }

    @Test
    void aChannelThatKeepsFailingIsDeadLetteredThenAnAdminSeesItAndSendsItAgain() {
        String phone = phone();
        var stub = ProviderStub.server();
        var failing = stub.stubFor(post(urlEqualTo("/whatsapp")).atPriority(1)
                                                                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                                                                .willReturn(aResponse().withStatus(502)));
        UUID id = transaction.execute(s -> outbox.enqueue(NotificationChannel.WHATSAPP, phone, "registration_attempt",
                                                          Map.of("contact", "phone number")));

        await().atMost(PATIENCE).until(() -> "failed".equals(row(id).get("status")));
        assertThat(row(id)).containsEntry("attempts", 4).containsEntry("last_error", "whatsapp provider answered 502");
        assertThat(ProviderStub.requestsTo("whatsapp", phone)).hasSize(4);

        ApiClient admin = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"));
        Response listed = admin.get("/api/admin/notifications/dead-letters?channel=whatsapp&size=100");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var item = java.util.stream.StreamSupport.stream(listed.json().path("items").spliterator(), false)
                                                 .filter(n -> n.path("id").asString().equals(id.toString()))
                                                 .findFirst().orElseThrow();
        assertThat(item.path("destination").asString()).isEqualTo(phone.substring(0, 2) + "XXXXX"
                                                                  + phone.substring(phone.length() - 3));
        assertThat(item.path("attempts").asInt()).isEqualTo(4);
        assertThat(item.toString()).doesNotContain("phone number");

        Response refused = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "owner"))
                                    .post("/api/admin/notifications/dead-letters/" + id + "/retry", "");
        assertThat(refused.status()).isEqualTo(403);

        stub.removeStub(failing);
        Response retried = admin.post("/api/admin/notifications/dead-letters/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> "sent".equals(row(id).get("status")));
        assertThat(ProviderStub.requestsTo("whatsapp", phone)).hasSize(5);

        Response again = admin.post("/api/admin/notifications/dead-letters/" + id + "/retry", "");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).hasValue("application/problem+json");
    }

    @Test
    void aBadChannelOrSortIsRefusedNamingBoth() {
        Response bad = anonymous.withToken(TestTokens.mint(UUID.randomUUID(), "admin"))
                                .get("/api/admin/notifications/dead-letters?channel=pigeon&sort=size");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.badFields()).containsExactlyInAnyOrder("channel", "sort");
    }

    @Test
    void aMessageTheQueueLostIsQueuedAgainBySweepAndSentOnce() {
        String email = "lost-" + UUID.randomUUID() + "@example.com";
        UUID id = UUID.randomUUID();
        // As Redis leaves it after a restart: pending, queued two minutes ago, in no queue.
        jdbc.update("""
                INSERT INTO notification_outbox (id, channel, destination, template, payload, enqueued_at)
                VALUES (?, 'email', ?, 'registration_attempt', '{"contact": "e-mail address"}', ?)""",
                    id, email, Timestamp.from(Instant.now().minus(Duration.ofMinutes(2))));

        await().atMost(PATIENCE).until(() -> "sent".equals(row(id).get("status")));
        assertThat(EmbeddedMail.shared().messagesTo(email)).hasSize(1);
    }

    @Test
    void aScheduledMessageWaitsForItsTime() {
        String email = "later-" + UUID.randomUUID() + "@example.com";
        Instant due = Instant.now().plusSeconds(2);
        UUID id = transaction.execute(s -> outbox.enqueue(new NotificationOutbox.Entry(
                null, null, NotificationChannel.EMAIL, email, "registration_attempt", 1, "en", Priority.MEDIUM, due,
                Map.of("contact", "e-mail address"), Map.of("contact", "e-mail address"))));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
               .until(() -> EmbeddedMail.shared().messagesTo(email).isEmpty());
        await().atMost(PATIENCE).until(() -> EmbeddedMail.shared().messagesTo(email).size() == 1);
        assertThat(((Timestamp) row(id).get("sent_at")).toInstant()).isAfterOrEqualTo(due);
    }

    @Test
    void aMessageDeliveredByManyWorkersAtOnceIsSentOnce() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        UUID id = transaction.execute(s -> outbox.enqueue(new NotificationOutbox.Entry(
                null, null, NotificationChannel.EMAIL, email, "registration_attempt", 1, "en", Priority.MEDIUM,
                Instant.now().plus(Duration.ofHours(1)), Map.of("contact", "e-mail address"),
                Map.of("contact", "e-mail address"))));
        jdbc.update("UPDATE notification_outbox SET not_before = now() WHERE id = ?", id);

        AtomicInteger failures = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            workers.invokeAll(Collections.nCopies(8, () -> {
                try {
                    worker.deliver(id);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
                return null;
            }));
        } finally {
            workers.shutdown();
        }
        // And a stale queue item for it, as a duplicate push would leave.
        queue.push("email", id, Priority.MEDIUM, 0, Instant.now());

        await().atMost(PATIENCE).until(() -> "sent".equals(row(id).get("status")));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
               .until(() -> EmbeddedMail.shared().messagesTo(email).size() == 1);
        assertThat(failures).hasValue(0);
        assertThat(row(id)).containsEntry("attempts", 1);
    }

    @Test
    void severalWorkersPerChannelAndEightMoreSendEachOfManyMessagesExactlyOnce() throws Exception {
        assertThat(settings.workers()).isGreaterThan(1);
        // The service's own e-mail workers, each a thread of its own (another context in this JVM may run more).
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains(
                java.util.stream.IntStream.rangeClosed(1, settings.workers())
                                          .mapToObj(i -> "notification-delivery-email-" + i).toArray(String[]::new));
        int messages = 120;
        String run = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String email = "parallel-" + run + "-" + i + "@example.com";
            // Due later, so that nothing queues them before all are queued here at once.
            ids.add(transaction.execute(s -> outbox.enqueue(new NotificationOutbox.Entry(
                    null, null, NotificationChannel.EMAIL, email, "registration_attempt", 1, "en", Priority.MEDIUM,
                    Instant.now().plus(Duration.ofHours(1)), Map.of("contact", "e-mail address"),
                    Map.of("contact", "e-mail address")))));
        }
        jdbc.update("UPDATE notification_outbox SET not_before = now() WHERE destination LIKE ?",
                    "parallel-" + run + "-%");
        // Every message twice on the queue, as a duplicate push or a sweep after a Redis restart would leave it.
        for (int round = 0; round < 2; round++) {
            ids.forEach(id -> queue.push("email", id, Priority.MEDIUM, 0, Instant.now()));
        }

        ExecutorService more = Executors.newFixedThreadPool(8);
        try {
            more.invokeAll(Collections.nCopies(8, () -> {
                worker.drain("email");
                return null;
            }));
        } finally {
            more.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM notification_outbox WHERE destination LIKE ? AND status = 'sent'", Long.class,
                "parallel-" + run + "-%") == messages);
        long sends = 0;
        for (int i = 0; i < messages; i++) {
            int received = EmbeddedMail.shared().messagesTo("parallel-" + run + "-" + i + "@example.com").size();
            assertThat(received).as("e-mails to message " + i).isEqualTo(1);
            sends += received;
        }
        assertThat(sends).isEqualTo(messages);
        assertThat(jdbc.queryForList("SELECT DISTINCT attempts FROM notification_outbox WHERE destination LIKE ?",
                                     Integer.class, "parallel-" + run + "-%")).containsExactly(1);
    }

    @Test
    void urgentMessagesJumpTheirQueue() {
        String channel = "priority-test-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID urgent = UUID.randomUUID();
        queue.push(channel, first, Priority.MEDIUM, 0, Instant.now());
        queue.push(channel, second, Priority.LOW, 0, Instant.now());
        queue.push(channel, urgent, Priority.URGENT, 0, Instant.now());

        assertThat(queue.pop(channel, 10)).containsExactly(urgent, first, second);
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("SELECT * FROM notification_outbox WHERE id = ?", id);
    }

    /** A fresh Indian mobile number. */
    static String phone() {
        return "+919" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
